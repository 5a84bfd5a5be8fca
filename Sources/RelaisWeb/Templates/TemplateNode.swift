/// A name looked up in the context: dotted parts (`a.b`), or none at all for the current item (`.`).
struct TemplateName: Sendable, Equatable {
    /// The parts of a dotted name; empty for `.`.
    let keys: [String]

    /// Nil for a name with an empty part (`a..b`, `.a`, `a.`).
    init?(_ text: String) {
        if text == "." {
            keys = []
            return
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.contains(where: \.isEmpty) else { return nil }
        keys = parts.map(String.init)
    }
}

/// One node of a parsed template.
enum TemplateNode: Sendable, Equatable {
    /// Literal text, written as it is.
    case text(String)
    /// `{{name}}`: the value, HTML-escaped.
    case variable(TemplateName)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(TemplateName, inverted: Bool, children: [TemplateNode])
    /// `{{$name}}default{{/name}}`: replaced by an override of the same name when there is one.
    case block(String, children: [TemplateNode])
    /// `{{<name}}…{{/name}}`: the template `name`, with these blocks overridden.
    case parent(String, overrides: [String: [TemplateNode]])
    /// `{{> name}}`: the template `name`, in the current context.
    case partial(String)
}

extension TemplateNode {
    /// Bytes of literal text in these nodes, to size the output before rendering.
    static func textByteCount(_ nodes: [TemplateNode]) -> Int {
        nodes.reduce(0) { total, node in
            switch node {
            case .text(let text): return total + text.utf8.count
            case .variable, .partial: return total
            case .section(_, _, let children), .block(_, let children): return total + textByteCount(children)
            case .parent(_, let overrides): return total + overrides.values.reduce(0) { $0 + textByteCount($1) }
            }
        }
    }

    /// Names of the templates these nodes extend or include, at any depth.
    static func parentNames(_ nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .text, .variable: return []
            case .partial(let name): return [name]
            case .section(_, _, let children), .block(_, let children): return parentNames(children)
            case .parent(let name, let overrides): return [name] + overrides.values.flatMap { parentNames($0) }
            }
        }
    }
}

extension TemplateNode {
    /// Names used as values or sections whose first part is `root`, without it: `{{t.a.b}}` gives `a.b`.
    static func names(under root: String, in nodes: [TemplateNode]) -> [String] {
        nodes.flatMap { node -> [String] in
            switch node {
            case .text, .partial: return []
            case .variable(let name): return suffix(of: name, under: root)
            case let .section(name, _, children): return suffix(of: name, under: root) + names(under: root, in: children)
            case .block(_, let children): return names(under: root, in: children)
            case .parent(_, let overrides): return overrides.values.flatMap { names(under: root, in: $0) }
            }
        }
    }

    private static func suffix(of name: TemplateName, under root: String) -> [String] {
        guard name.keys.count > 1, name.keys[0] == root else { return [] }
        return [name.keys.dropFirst().joined(separator: ".")]
    }
}
