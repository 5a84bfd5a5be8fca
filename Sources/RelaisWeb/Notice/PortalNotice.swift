import RelaisCore

/// The privacy notice of every language, assembled once at start from the settings and the catalogues,
/// with its version: the pages show exactly these texts, and consents record which one was shown.
struct PortalNotice: Sendable {
    let notices: [PortalLanguage: PrivacyNotice]
    let version: NoticeVersion

    init(settings: PortalSettings, messages: PortalMessages, digest: any TextDigest) {
        var notices: [PortalLanguage: PrivacyNotice] = [:]
        for language in PortalLanguage.allCases {
            let catalogue = messages[language]
            notices[language] = PrivacyNotice(
                language: language.rawValue, notice: settings.notice, consent: settings.consent,
                messages: { key, values in catalogue.format(key, values) })
        }
        self.notices = notices
        self.version = NoticeVersion(notices: PortalLanguage.allCases.compactMap { notices[$0] }, digest: digest)
    }

    /// What a visitor reading `language` was shown.
    func shown(_ language: PortalLanguage) -> NoticeShown {
        version.shown[language.rawValue] ?? NoticeShown(version: version.version, textSHA256: "")
    }
}
