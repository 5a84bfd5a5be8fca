/// Why a template could not be parsed, and where: the template's name and the line of the faulty tag.
struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    enum Reason: Sendable, Equatable {
        /// `{{` without a matching `}}`.
        case unclosedTag
        /// A tag whose name is empty.
        case emptyName
        /// A name with spaces, braces or empty dotted parts.
        case invalidName(String)
        /// A Mustache tag this engine does not implement (delimiters, unescaped output).
        case unsupportedTag(String)
        /// A section, block or parent still open at the end of the template.
        case unclosedSection(String)
        /// `{{/found}}` while `expected` (opened on `openedOnLine`) is the innermost open section.
        case mismatchedClose(expected: String, found: String, openedOnLine: Int)
        /// `{{/name}}` with no open section.
        case unexpectedClose(String)
        /// Something other than a block or a comment inside a `{{<parent}}` tag.
        case invalidInsideParent(String)
    }

    /// The registered name of the template; nil while the text is parsed on its own.
    var template: String?
    /// 1-based line of the offending tag (for an unclosed section, the line that opens it).
    var line: Int
    var reason: Reason

    init(_ reason: Reason, line: Int, template: String? = nil) {
        self.reason = reason
        self.line = line
        self.template = template
    }

    var description: String {
        let place = template.map { "template '\($0)', line \(line)" } ?? "line \(line)"
        return "\(place): \(explanation)"
    }

    private var explanation: String {
        switch reason {
        case .unclosedTag: return "'{{' is never closed by '}}'"
        case .emptyName: return "a tag has no name"
        case .invalidName(let name): return "invalid name '\(name)'"
        case .unsupportedTag(let tag): return "unsupported tag '\(tag)'"
        case .unclosedSection(let name): return "section '\(name)' is never closed"
        case let .mismatchedClose(expected, found, openedOnLine):
            return "'{{/\(found)}}' found where '\(expected)' (opened on line \(openedOnLine)) must be closed"
        case .unexpectedClose(let name): return "'{{/\(name)}}' closes no open section"
        case .invalidInsideParent(let parent):
            return "only blocks '{{$name}}' and comments may appear inside '{{<\(parent)}}'"
        }
    }
}
