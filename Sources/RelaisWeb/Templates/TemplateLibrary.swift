/// A parsed template, with what is needed to size its output.
struct Template: Sendable {
    let nodes: [TemplateNode]
    /// Bytes of literal text in the template itself.
    let textByteCount: Int
    /// Templates it extends.
    let parentNames: [String]

    /// Parses `text`; throws `TemplateError` (without template name).
    init(parsing text: String) throws {
        nodes = try TemplateParser.parse(text)
        textByteCount = TemplateNode.textByteCount(nodes)
        parentNames = TemplateNode.parentNames(nodes)
    }
}

/// Named templates, parsed once at start-up and read-only afterwards, so one library serves every request.
struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    init() {}

    /// Parses `text` and registers it as `name` (the name `{{<name}}` refers to).
    /// Throws `TemplateError` naming the template and the line.
    mutating func register(_ text: String, named name: String) throws {
        do {
            templates[name] = try Template(parsing: text)
        } catch var error as TemplateError {
            error.template = name
            throw error
        }
    }

    /// Every name under `root` the templates use (`{{t.a.b}}` gives `a.b`), with a template using it.
    func names(under root: String) -> [String: String] {
        var found: [String: String] = [:]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for key in TemplateNode.names(under: root, in: template.nodes) where found[key] == nil { found[key] = name }
        }
        return found
    }

    /// The template `name` rendered over `values`; nil when no template has that name.
    func render(_ values: Any, withTemplate name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = TemplateRenderer(templates: templates, values: values, capacity: estimatedLength(of: template))
        renderer.render(template.nodes, blocks: [:])
        return renderer.output
    }

    /// The literal text of the template and of the templates it extends, plus room for the values.
    private func estimatedLength(of template: Template, depth: Int = 0) -> Int {
        var length = template.textByteCount + 256
        guard depth < 4 else { return length }
        for name in template.parentNames {
            if let parent = templates[name] { length += estimatedLength(of: parent, depth: depth + 1) }
        }
        return length
    }
}
