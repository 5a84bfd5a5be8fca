@testable import RelaisWeb

/// Renders `text` registered as `main`, with `others` registered under their names first.
func renderTemplate(_ text: String, _ values: [String: Any] = [:], others: [String: String] = [:]) throws -> String? {
    var library = TemplateLibrary()
    for (name, other) in others { try library.register(other, named: name) }
    try library.register(text, named: "main")
    return library.render(values, withTemplate: "main")
}

/// The error thrown by parsing `text`, if any.
func parseError(_ text: String) -> TemplateError? {
    do {
        _ = try TemplateParser.parse(text)
        return nil
    } catch {
        return error as? TemplateError
    }
}
