/// A value with members a template can name: any dictionary keyed by `String`.
protocol TemplateKeyedValue {
    /// The member stored under `key`, nil when there is none (a stored nil optional is returned boxed).
    func templateMember(_ key: String) -> Any?
}

/// A value a section iterates over: any array.
protocol TemplateListValue {
    var templateIsEmpty: Bool { get }
    func templateForEach(_ body: (Any) -> Void)
}

/// An optional, seen through `Any`, so that a stored `nil` renders as nothing.
protocol TemplateOptionalValue {
    var templateWrapped: Any? { get }
}

extension Dictionary: TemplateKeyedValue where Key == String {
    func templateMember(_ key: String) -> Any? {
        guard let value = self[key] else { return nil }
        return value
    }
}

extension Array: TemplateListValue {
    var templateIsEmpty: Bool { isEmpty }

    func templateForEach(_ body: (Any) -> Void) {
        for element in self { body(element) }
    }
}

extension Optional: TemplateOptionalValue {
    var templateWrapped: Any? {
        switch self {
        case .some(let wrapped): return wrapped
        case .none: return nil
        }
    }
}

/// How values behave in templates: optionals unwrapped, Mustache truthiness.
enum TemplateValue {
    /// The value inside any number of optionals; nil for a nil optional.
    static func unwrap(_ value: Any?) -> Any? {
        var current = value
        while let value = current, let boxed = value as? TemplateOptionalValue {
            current = boxed.templateWrapped
        }
        return current
    }

    /// Whether a section shows: not nil, not `false`, not an empty string or list.
    static func isTruthy(_ value: Any?) -> Bool {
        switch value {
        case nil: return false
        case let flag as Bool: return flag
        case let text as String: return !text.isEmpty
        case let list as TemplateListValue: return !list.templateIsEmpty
        default: return true
        }
    }
}
