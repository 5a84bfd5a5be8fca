/// A reception agent or aidant who signs in on the staff listener and appears on the duty roster.
public struct Agent: Sendable, Hashable, Identifiable {
    public var id: Int64
    /// What the agent types to sign in; unique.
    public var login: String
    /// Full name as the agents see it (« Marie Dupont »).
    public var displayName: String
    /// What the agent does (« Accueil », « Conseillère numérique »).
    public var role: String
    /// Whether visitors may see the first name; otherwise they see only the role.
    public var showsFirstName: Bool
    public var isDisabled: Bool

    public init(id: Int64, login: String, displayName: String, role: String, showsFirstName: Bool, isDisabled: Bool = false) {
        self.id = id
        self.login = login
        self.displayName = displayName
        self.role = role
        self.showsFirstName = showsFirstName
        self.isDisabled = isDisabled
    }

    /// The first word of the display name.
    public var firstName: String {
        displayName.split(whereSeparator: { $0 == " " }).first.map(String.init) ?? displayName
    }

    /// What visitors are shown: the first name if the agent agreed, else the role only.
    public var visitorLabel: String { showsFirstName ? firstName : role }

    /// Bounds the schema enforces too, checked first so that forms and the CLI say what is wrong.
    public static let maxLoginLength = 64
    public static let maxTextLength = 80

    /// True for 1–64 characters among letters, digits, `.`, `-`, `_` (ASCII).
    public static func isValidLogin(_ login: String) -> Bool {
        (1...maxLoginLength).contains(login.utf8.count) && login.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// True for 1–80 characters after trimming, without control characters.
    public static func isValidText(_ text: String) -> Bool {
        let count = text.count
        return count >= 1 && count <= maxTextLength && text == RosterText.trimmed(text)
            && !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7f }
    }
}

/// Small text helpers shared by the roster's values.
public enum RosterText {
    /// `text` without leading and trailing spaces, tabs and line breaks.
    public static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
