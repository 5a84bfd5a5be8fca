/// Identifies a notice: its version is the SHA-256 of every language's text (they change together), and
/// each language's text has its own SHA-256, recorded with a consent as the text the visitor was shown.
public struct NoticeVersion: Sendable, Equatable {
    /// Lower-case hex SHA-256 over the texts of all languages, in the given order.
    public var version: String
    /// Per language code: what a visitor reading that language was shown.
    public var shown: [String: NoticeShown]

    public init(notices: [PrivacyNotice], digest: any TextDigest) {
        let version = digest.sha256Hex(notices.map { "[\($0.language)]\n\($0.text)" }.joined(separator: "\n\u{1E}\n"))
        self.version = version
        var shown: [String: NoticeShown] = [:]
        for notice in notices {
            shown[notice.language] = NoticeShown(version: version, textSHA256: digest.sha256Hex(notice.text))
        }
        self.shown = shown
    }
}
