import RelaisCore

extension RelaisConfig {
    /// `[consent]` and its `[consent-ID]` sections: optional purposes, none ever a condition of access.
    public struct Consent: Sendable, Equatable {
        /// Days « Se souvenir de cet appareil » lasts.
        public var rememberDays: Int = 30
        /// Further purposes, each from its `[consent-ID]` section, in the order of `purposes`.
        public var extraPurposes: [ConsentSettings.ExtraPurpose] = []

        public init() {}

        /// The settings the core and the pages use.
        public var settings: ConsentSettings {
            ConsentSettings(rememberDays: rememberDays, extraPurposes: extraPurposes)
        }
    }
}

extension ConfigSection {
    /// Prefix of the section of each further purpose: `[consent-newsletter]`.
    static let purposePrefix = "consent-"
    static let purposeKeys = ["label_fr", "label_en", "explanation_fr", "explanation_en", "retention_days"]

    /// `[consent]`: the days a device is remembered and the ids of further purposes. The keyed hash's secret
    /// lives in the key directory (`[legal] key_directory`, `device-hash.secret`), like every secret of the box.
    static let consent = ConfigSection(
        name: "consent",
        keys: ["remember_days", "purposes"],
        read: { config, reader, directory in
            reader.set(&config.consent.rememberDays, "consent", "remember_days", ConfigValueRules.integer(in: 1...395))
            var ids: [String] = []
            reader.set(&ids, "consent", "purposes", ConfigValueRules.purposeIDs)
            let listLine = reader.line("consent", "purposes") ?? reader.document.section("consent")?.line ?? 0
            for id in ids {
                let name = purposePrefix + id
                guard reader.document.section(name) != nil else {
                    reader.report(line: listLine, key: "consent.purposes", problem: "\"\(id)\" has no [\(name)] section",
                                  allowed: "a [\(name)] section with " + purposeKeys.joined(separator: ", "))
                    continue
                }
                var purpose = ConsentSettings.ExtraPurpose(id: id, retentionDays: 0, label: [:], explanation: [:])
                for language in ["fr", "en"] {
                    var label = "", explanation = ""
                    reader.set(&label, name, "label_\(language)", ConfigValueRules.label(maxLength: 120))
                    reader.set(&explanation, name, "explanation_\(language)", ConfigValueRules.label(maxLength: 500))
                    purpose.label[language] = label
                    purpose.explanation[language] = explanation
                }
                reader.set(&purpose.retentionDays, name, "retention_days", ConfigValueRules.integer(in: 1...3650))
                config.consent.extraPurposes.append(purpose)
            }
            // Every text in French and English, and a retention: reported once per missing key.
            for section in reader.document.sections where section.name.hasPrefix(purposePrefix) {
                let id = String(section.name.dropFirst(purposePrefix.count))
                guard ids.contains(id) else {
                    reader.report(line: section.line, key: section.name, problem: "this purpose is not listed in consent.purposes",
                                  allowed: "consent.purposes = [\"\(id)\"], or remove the section")
                    continue
                }
                for key in purposeKeys where section.entry(key) == nil {
                    reader.report(line: section.line, key: "\(section.name).\(key)", problem: "is missing",
                                  allowed: key == "retention_days" ? "a number of days from 1 to 3650" : "the text in French and in English")
                }
            }
        })

    /// `[consent-ID]` sections, read by `consent`; listed for the names check.
    static let consentPurpose = ConfigSection(name: purposePrefix + "*", keys: purposeKeys, read: { _, _, _ in })
}

extension ConfigValueRules {
    /// Ids of further purposes: lower-case letters, digits and "-", at most 32 characters, each once,
    /// and not `remember-device`, which is always offered.
    static func purposeIDs(_ value: ConfigValue) throws(ValueRejection) -> [String] {
        let allowed = "an array of names of lower-case letters, digits and \"-\", such as [\"newsletter\"]"
        guard case .stringArray(let ids) = value else { throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: allowed) }
        for id in ids {
            let valid = (1...32).contains(id.count) && id.first?.isASCIILetter == true
                && id.allSatisfy { ($0.isASCIILetter && $0.isLowercase) || $0.isASCIIDigit || $0 == "-" }
            guard valid else { throw ValueRejection(problem: "\"\(id)\" is not a valid purpose name", allowed: allowed) }
            guard id != ConsentPurpose.rememberDeviceID else {
                throw ValueRejection(problem: "\"\(id)\" is always offered; set consent.remember_days instead", allowed: allowed)
            }
        }
        guard Set(ids).count == ids.count else { throw ValueRejection(problem: "a purpose is listed twice", allowed: allowed) }
        return ids
    }
}
