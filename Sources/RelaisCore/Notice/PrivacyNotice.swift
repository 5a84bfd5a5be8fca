/// The full privacy notice (GDPR art. 13) in one language, assembled from the configuration and the
/// message catalogue: the page shows exactly `sections`, and `text` (their plain text) is what is hashed.
public struct PrivacyNotice: Sendable, Equatable {
    /// One titled part of the notice.
    public struct Section: Sendable, Equatable {
        /// Stable identifier, for the page's anchors and tests.
        public var id: String
        public var heading: String
        public var paragraphs: [String]
    }

    public var language: String
    public var sections: [Section]

    /// Looks up a catalogue message by key with its `{placeholders}` filled.
    public typealias Messages = (_ key: String, _ values: [String: String]) -> String

    /// Assembles the notice: controller and DPO, each purpose with its legal basis, recipients,
    /// retention per category, rights, withdrawal, complaint to the CNIL, then the commune's extra text.
    public init(language: String, notice: NoticeSettings, consent: ConsentSettings, messages text: Messages) {
        self.language = language
        let days = ["days": "\(consent.rememberDays)"]
        var purposes = [
            text("notice.purpose_service", [:]), text("notice.purpose_legal_log", [:]),
            text("notice.purpose_statistics", [:]), text("notice.purpose_help", [:]),
            text("notice.purpose_remember", days),
        ]
        purposes += consent.extraPurposes.map { purpose in
            text("notice.purpose_extra", [
                "label": purpose.label[language] ?? purpose.label["fr"] ?? purpose.id,
                "explanation": purpose.explanation[language] ?? purpose.explanation["fr"] ?? "",
            ])
        }
        purposes.append(text("notice.never_recorded", [:]))
        var sections = [
            Section(id: "controller", heading: text("notice.controller_heading", [:]), paragraphs: [
                notice.controllerAddress.allSatisfy(\.isWhitespace)
                    ? text("notice.controller_name_only", ["name": notice.controllerName])
                    : text("notice.controller", ["name": notice.controllerName, "address": notice.controllerAddress]),
                text("notice.dpo", ["contact": notice.dpoContact]),
            ]),
            Section(id: "purposes", heading: text("notice.purposes_heading", [:]), paragraphs: purposes),
            Section(id: "recipients", heading: text("notice.recipients_heading", [:]), paragraphs: [
                text("notice.recipients_judicial", [:]), text("notice.recipients_departement", [:]),
            ]),
            Section(id: "retention", heading: text("notice.retention_heading", [:]), paragraphs: [
                text("notice.retention_legal_log", [:]), text("notice.retention_session", [:]),
                text("notice.retention_remember", days), text("notice.retention_help", [:]),
                text("notice.retention_statistics", [:]),
            ] + consent.extraPurposes.map { purpose in
                text("notice.retention_extra", [
                    "label": purpose.label[language] ?? purpose.label["fr"] ?? purpose.id, "days": "\(purpose.retentionDays)",
                ])
            }),
            Section(id: "rights", heading: text("notice.rights_heading", [:]), paragraphs: [
                text("notice.rights", [:]), text("notice.rights_how", ["contact": notice.dpoContact]),
            ]),
            Section(id: "withdraw", heading: text("notice.withdraw_heading", [:]), paragraphs: [text("notice.withdraw", [:])]),
            Section(id: "complaint", heading: text("notice.complaint_heading", [:]), paragraphs: [text("notice.complaint", [:])]),
        ]
        if let extra = notice.extraText[language], !extra.allSatisfy(\.isWhitespace) {
            sections.append(Section(id: "extra", heading: text("notice.extra_heading", [:]), paragraphs: [extra]))
        }
        self.sections = sections
    }

    /// The exact text shown, headings and paragraphs one per line, blank lines between sections.
    public var text: String {
        sections.map { ([$0.heading] + $0.paragraphs).joined(separator: "\n") }.joined(separator: "\n\n")
    }
}

extension PrivacyNotice {
    /// Every catalogue key the notice reads and the placeholders each must contain: checked at start-up.
    public static let messageKeys: [(key: String, placeholders: [String])] = [
        ("notice.controller_heading", []), ("notice.controller", ["name", "address"]), ("notice.controller_name_only", ["name"]),
        ("notice.dpo", ["contact"]), ("notice.purposes_heading", []), ("notice.purpose_service", []),
        ("notice.purpose_legal_log", []), ("notice.purpose_statistics", []), ("notice.purpose_help", []),
        ("notice.purpose_remember", ["days"]), ("notice.purpose_extra", ["label", "explanation"]), ("notice.never_recorded", []),
        ("notice.recipients_heading", []), ("notice.recipients_judicial", []), ("notice.recipients_departement", []),
        ("notice.retention_heading", []), ("notice.retention_legal_log", []), ("notice.retention_session", []),
        ("notice.retention_remember", ["days"]), ("notice.retention_help", []), ("notice.retention_statistics", []),
        ("notice.retention_extra", ["label", "days"]), ("notice.rights_heading", []), ("notice.rights", []),
        ("notice.rights_how", ["contact"]), ("notice.withdraw_heading", []), ("notice.withdraw", []),
        ("notice.complaint_heading", []), ("notice.complaint", []), ("notice.extra_heading", []),
    ]
}
