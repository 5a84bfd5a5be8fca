/// Which notice a visitor saw: its version and the SHA-256 of the exact text, in the language shown.
public struct NoticeShown: Sendable, Equatable {
    /// `PrivacyNotice.version` of the notice (all languages).
    public var version: String
    /// Lower-case hex SHA-256 of `PrivacyNotice.text` in the visitor's language.
    public var textSHA256: String

    public init(version: String, textSHA256: String) {
        self.version = version
        self.textSHA256 = textSHA256
    }
}
