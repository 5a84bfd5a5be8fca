/// Why the message catalogues cannot be used: the daemon stops at start-up and prints it.
public struct CatalogueError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        /// A catalogue file could not be read, or is not UTF-8.
        case unreadable
        /// A line is not `key = value`.
        case malformedLine = "malformed-line"
        case duplicateKey = "duplicate-key"
        /// A key a template or the code uses is absent from a language.
        case missingKey = "missing-key"
        /// A key one language has and another lacks.
        case extraKey = "extra-key"
        /// A message lacks a `{placeholder}` the code fills in.
        case missingPlaceholder = "missing-placeholder"
    }

    public var code: Code
    public var file: String
    /// 1-based line, 0 when the problem is not on one line.
    public var line: Int
    public var language: PortalLanguage
    public var key: String?
    /// Where the key is needed (a template name, or the placeholder missing).
    public var detail: String?

    init(_ code: Code, file: String, line: Int = 0, language: PortalLanguage, key: String? = nil, detail: String? = nil) {
        self.code = code
        self.file = file
        self.line = line
        self.language = language
        self.key = key
        self.detail = detail
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        var text = "\(place): message catalogue \(code.rawValue) (language \(language.rawValue))"
        if let key { text += ", key '\(key)'" }
        if let detail { text += " (\(detail))" }
        return text
    }
}
