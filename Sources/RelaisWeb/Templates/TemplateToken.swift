/// One lexical piece of a template: a run of text (at most one line) or a tag, with its line.
struct TemplateToken: Sendable, Equatable {
    /// What the piece is; tag cases carry the tag's name as written.
    enum Kind: Sendable, Equatable {
        /// Literal text; only its last character can be a newline.
        case text(String)
        /// `{{name}}`, HTML-escaped on output.
        case variable(String)
        /// `{{#name}}`
        case section(String)
        /// `{{^name}}`
        case invertedSection(String)
        /// `{{$name}}`
        case block(String)
        /// `{{<name}}`
        case parent(String)
        /// `{{/name}}`
        case close(String)
        /// `{{> name}}`: another template, rendered in the current context.
        case partial(String)
        /// `{{! … }}`
        case comment
    }

    var kind: Kind
    /// 1-based line where the piece starts.
    var line: Int

    init(_ kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// Whether this is a tag (anything but text).
    var isTag: Bool {
        if case .text = kind { return false }
        return true
    }

    /// Whether a tag alone on its line takes the whole line with it (every tag but a variable).
    var canStandAlone: Bool {
        switch kind {
        case .text, .variable: return false
        default: return true
        }
    }

    /// Whether this is text made only of spaces, tabs and line ends.
    var isBlankText: Bool {
        guard case .text(let text) = kind else { return false }
        return text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    }
}
