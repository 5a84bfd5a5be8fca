import RelaisCore

extension ConfigSection {
    /// `[notice]`: who the visitors' privacy notice names. The controller and the DPO contact are required:
    /// a notice without them (GDPR art. 13(1)(a)(b)) is refused, so no box serves one.
    static let notice = ConfigSection(
        name: "notice",
        keys: ["controller_name", "controller_address", "dpo_contact", "extra_text_fr", "extra_text_en"],
        read: { config, reader, _ in
            reader.set(&config.notice.controllerName, "notice", "controller_name", ConfigValueRules.label(maxLength: 200))
            reader.set(&config.notice.controllerAddress, "notice", "controller_address", ConfigValueRules.optionalText(maxLength: 300))
            reader.set(&config.notice.dpoContact, "notice", "dpo_contact", ConfigValueRules.label(maxLength: 300))
            for language in ["fr", "en"] {
                var extra = ""
                reader.set(&extra, "notice", "extra_text_\(language)", ConfigValueRules.optionalText(maxLength: 2000))
                if !extra.isEmpty { config.notice.extraText[language] = extra }
            }
        },
        check: { config, reader in
            let line = reader.document.section("notice")?.line ?? 0
            let place = line == 0 ? "there is no [notice] section" : "[notice] does not set it"
            for (key, value) in [("controller_name", config.notice.controllerName), ("dpo_contact", config.notice.dpoContact)]
            where value.allSatisfy(\.isWhitespace) && !reader.rejectedKeys.contains("notice.\(key)") {
                let what = key == "controller_name" ? "the controller (the commune)" : "the data protection officer's contact"
                reader.report(line: line, key: "notice.\(key)",
                              problem: "the privacy notice must name \(what) and \(place)",
                              allowed: key == "controller_name"
                                ? "a name such as \"Commune de Chasseneuil-du-Poitou\""
                                : "an e-mail or postal address such as \"dpo@mairie.example.fr\"")
            }
        })
}

extension ConfigValueRules {
    /// Text shown to people that may be left empty: no control characters but line breaks, bounded length.
    static func optionalText(maxLength: Int) -> ConfigRule<String> {
        { value throws(ValueRejection) in
            let allowed = "text of at most \(maxLength) characters without control characters"
            let written = try text(value, expected: allowed)
            guard written.count <= maxLength else { throw ValueRejection(problem: "is \(written.count) characters long", allowed: allowed) }
            guard !written.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) else {
                throw ValueRejection(problem: "\(value.rendered) contains a control character", allowed: allowed)
            }
            return written
        }
    }
}
