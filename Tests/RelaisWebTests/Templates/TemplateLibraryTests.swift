import Testing
@testable import RelaisWeb

@Suite struct TemplateLibraryTests {
    @Test func rendersByNameAndNilForUnknownNames() throws {
        var library = TemplateLibrary()
        try library.register("Hello {{who}}", named: "greeting")
        #expect(library.render(["who": "you"] as [String: Any], withTemplate: "greeting") == "Hello you")
        #expect(library.render([String: Any](), withTemplate: "other") == nil)
    }

    @Test func registeringAgainReplaces() throws {
        var library = TemplateLibrary()
        try library.register("one", named: "t")
        try library.register("two", named: "t")
        #expect(library.render([String: Any](), withTemplate: "t") == "two")
    }

    @Test func aFaultyTemplateIsNotRegistered() throws {
        var library = TemplateLibrary()
        #expect(throws: TemplateError(.unclosedTag, line: 1, template: "bad")) { try library.register("{{oops", named: "bad") }
        #expect(library.render([String: Any](), withTemplate: "bad") == nil)
    }

    @Test func isSendable() async throws {
        var library = TemplateLibrary()
        try library.register("{{n}}", named: "n")
        let shared = library
        let results = await withTaskGroup(of: String?.self) { group in
            for n in 0..<8 { group.addTask { shared.render(["n": n] as [String: Any], withTemplate: "n") } }
            return await group.reduce(into: [String?]()) { $0.append($1) }
        }
        #expect(Set(results.compactMap { $0 }) == Set((0..<8).map(String.init)))
    }
}
