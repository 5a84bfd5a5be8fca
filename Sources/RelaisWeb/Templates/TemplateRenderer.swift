/// Walks a template's nodes over a context, writing into one output string.
struct TemplateRenderer {
    /// Parents and partials nested deeper than this are not rendered (a template that includes itself stops here).
    static let maxParentDepth = 16

    private let templates: [String: Template]
    private var context: TemplateContext
    private var parentDepth = 0
    private(set) var output = ""

    init(templates: [String: Template], values: Any, capacity: Int) {
        self.templates = templates
        context = TemplateContext(values)
        output.reserveCapacity(capacity)
    }

    /// Renders `nodes`, with `blocks` replacing the blocks of the same name.
    mutating func render(_ nodes: [TemplateNode], blocks: [String: [TemplateNode]]) {
        for node in nodes {
            switch node {
            case .text(let text):
                output.append(text)
            case .variable(let name):
                write(context.lookup(name))
            case let .section(name, inverted, children):
                let value = context.lookup(name)
                if inverted {
                    if !TemplateValue.isTruthy(value) { render(children, blocks: blocks) }
                } else if TemplateValue.isTruthy(value), let value {
                    renderSection(children, over: value, blocks: blocks)
                }
            case let .block(name, children):
                render(blocks[name] ?? children, blocks: blocks)
            case let .parent(name, overrides):
                renderParent(name, overrides: overrides, blocks: blocks)
            case .partial(let name):
                renderPartial(name)
            }
        }
    }

    /// A shown section: once per item of a list, once for `true`, once inside any other value.
    private mutating func renderSection(_ children: [TemplateNode], over value: Any, blocks: [String: [TemplateNode]]) {
        switch value {
        case is Bool:
            render(children, blocks: blocks)
        case let list as TemplateListValue:
            list.templateForEach { item in
                context.push(item)
                render(children, blocks: blocks)
                context.pop()
            }
        default:
            context.push(value)
            render(children, blocks: blocks)
            context.pop()
        }
    }

    /// The parent template with the overrides; blocks already overridden further out keep precedence.
    private mutating func renderParent(_ name: String, overrides: [String: [TemplateNode]], blocks: [String: [TemplateNode]]) {
        guard parentDepth < Self.maxParentDepth, let parent = templates[name] else { return }
        let merged = blocks.isEmpty ? overrides : blocks.merging(overrides) { outer, _ in outer }
        parentDepth += 1
        render(parent.nodes, blocks: merged)
        parentDepth -= 1
    }

    /// A partial sees the current context; the blocks of the page do not reach into it.
    private mutating func renderPartial(_ name: String) {
        guard parentDepth < Self.maxParentDepth, let partial = templates[name] else { return }
        parentDepth += 1
        render(partial.nodes, blocks: [:])
        parentDepth -= 1
    }

    /// A variable's value as text, HTML-escaped; nothing for nil.
    private mutating func write(_ value: Any?) {
        switch value {
        case nil: break
        case let text as String: HTMLEscaping.append(text, to: &output)
        case let html as TrustedHTML: output.append(html.markup)
        case let text as Substring: HTMLEscaping.append(String(text), to: &output)
        case let flag as Bool: output.append(flag ? "true" : "false")
        case let number as Int: output.append(String(number))
        case let other?: HTMLEscaping.append(String(describing: other), to: &output)
        }
    }
}
