/// The stack of values a template looks names up in: the root values, then one entry per open section.
struct TemplateContext {
    private var stack: [Any]

    init(_ root: Any) {
        stack = [root]
        stack.reserveCapacity(8)
    }

    mutating func push(_ value: Any) {
        stack.append(value)
    }

    mutating func pop() {
        if stack.count > 1 { stack.removeLast() }
    }

    /// The value of `name`: its first part is searched from the innermost value outwards, the other
    /// parts only inside what the first one found. Nil when missing or nil.
    func lookup(_ name: TemplateName) -> Any? {
        guard let first = name.keys.first else { return TemplateValue.unwrap(stack.last) }
        for frame in stack.reversed() {
            guard let found = Self.member(first, of: frame) else { continue }
            var value = TemplateValue.unwrap(found)
            for key in name.keys.dropFirst() {
                guard let current = value, let next = Self.member(key, of: current) else { return nil }
                value = TemplateValue.unwrap(next)
            }
            return value
        }
        return nil
    }

    private static func member(_ key: String, of value: Any) -> Any? {
        (value as? TemplateKeyedValue)?.templateMember(key)
    }
}
