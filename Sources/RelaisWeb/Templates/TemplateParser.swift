/// Builds the node tree of a template from its tokens, checking that every section is closed in order.
struct TemplateParser {
    /// A section, block or parent being read, or the template itself at the bottom of the stack.
    private struct Frame {
        /// What the frame will become once closed.
        enum Kind { case root, section(TemplateName, inverted: Bool), block, parent }
        let kind: Kind
        let name: String
        let line: Int
        var children: [TemplateNode] = []
        var overrides: [String: [TemplateNode]] = [:]
    }

    private var stack = [Frame(kind: .root, name: "", line: 1)]

    /// The nodes of `text`; throws `TemplateError` (without template name) on the first fault.
    static func parse(_ text: String) throws -> [TemplateNode] {
        var parser = TemplateParser()
        for token in TemplateStandalone.strip(try TemplateTokenizer.tokenize(text)) {
            try parser.consume(token)
        }
        if parser.stack.count > 1, let open = parser.stack.last {
            throw TemplateError(.unclosedSection(open.name), line: open.line)
        }
        return parser.stack[0].children
    }

    private mutating func consume(_ token: TemplateToken) throws {
        switch token.kind {
        case .text(let text):
            try append(.text(text), line: token.line)
        case .variable(let name):
            try append(.variable(try Self.templateName(name, line: token.line)), line: token.line)
        case .section(let name):
            stack.append(Frame(kind: .section(try Self.templateName(name, line: token.line), inverted: false), name: name, line: token.line))
        case .invertedSection(let name):
            stack.append(Frame(kind: .section(try Self.templateName(name, line: token.line), inverted: true), name: name, line: token.line))
        case .block(let name):
            stack.append(Frame(kind: .block, name: name, line: token.line))
        case .parent(let name):
            stack.append(Frame(kind: .parent, name: name, line: token.line))
        case .close(let name):
            try close(name, line: token.line)
        case .partial(let name):
            try append(.partial(name), line: token.line)
        case .comment:
            break
        }
    }

    /// Ends the innermost open frame, which must bear `name`, and adds its node to the enclosing one.
    private mutating func close(_ name: String, line: Int) throws {
        guard stack.count > 1, let frame = stack.last else {
            throw TemplateError(.unexpectedClose(name), line: line)
        }
        guard frame.name == name else {
            throw TemplateError(.mismatchedClose(expected: frame.name, found: name, openedOnLine: frame.line), line: line)
        }
        stack.removeLast()
        switch frame.kind {
        case .root: break
        case let .section(templateName, inverted):
            try append(.section(templateName, inverted: inverted, children: frame.children), line: frame.line)
        case .block:
            try append(.block(name, children: frame.children), line: frame.line)
        case .parent:
            try append(.parent(name, overrides: frame.overrides), line: frame.line)
        }
    }

    /// Adds a node to the innermost open frame; inside a parent only blocks count, and text is ignored.
    private mutating func append(_ node: TemplateNode, line: Int) throws {
        let top = stack.count - 1
        if case .parent = stack[top].kind {
            switch node {
            case .text: return
            case let .block(name, children): stack[top].overrides[name] = children
            default: throw TemplateError(.invalidInsideParent(stack[top].name), line: line)
            }
            return
        }
        if case .text(let text) = node, case .text(let previous)? = stack[top].children.last {
            stack[top].children[stack[top].children.count - 1] = .text(previous + text)
        } else {
            stack[top].children.append(node)
        }
    }

    private static func templateName(_ name: String, line: Int) throws -> TemplateName {
        guard let templateName = TemplateName(name) else { throw TemplateError(.invalidName(name), line: line) }
        return templateName
    }
}
