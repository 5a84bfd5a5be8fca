import Testing
@testable import RelaisWeb

@Suite struct TemplateContextTests {
    func name(_ text: String) throws -> TemplateName { try #require(TemplateName(text)) }

    @Test func innerValuesHideOuterOnes() throws {
        var context = TemplateContext(["a": "outer", "b": "root"] as [String: Any])
        context.push(["a": "inner"])
        #expect(context.lookup(try name("a")) as? String == "inner")
        #expect(context.lookup(try name("b")) as? String == "root")
        context.pop()
        #expect(context.lookup(try name("a")) as? String == "outer")
        context.pop()
        #expect(context.lookup(try name("a")) as? String == "outer", "the root stays")
    }

    @Test func dottedNamesLookInsideTheFirstMatchOnly() throws {
        var context = TemplateContext(["a": ["b": ["c": 3]], "x": ["y": 1]] as [String: Any])
        #expect(context.lookup(try name("a.b.c")) as? Int == 3)
        #expect(context.lookup(try name("a.missing")) == nil)
        context.push(["x": ["other": 2]])
        #expect(context.lookup(try name("x.y")) == nil, "x is found in the inner value, which has no y")
    }

    @Test func currentItemAndOptionals() throws {
        let missing: String? = nil
        var context = TemplateContext(["nothing": missing as Any, "some": Optional("s") as Any] as [String: Any])
        #expect(context.lookup(try name("nothing")) == nil)
        #expect(context.lookup(try name("some")) as? String == "s")
        context.push("item")
        #expect(context.lookup(try name(".")) as? String == "item")
    }

    @Test func anyStringKeyedDictionaryHasMembers() throws {
        let context = TemplateContext(["link": ["url": "u"] as [String: String], "n": [1, 2]] as [String: Any])
        #expect(context.lookup(try name("link.url")) as? String == "u")
        #expect(context.lookup(try name("n.count")) == nil, "arrays have no named members")
    }

    @Test func truthiness() {
        #expect(!TemplateValue.isTruthy(nil))
        #expect(!TemplateValue.isTruthy(false))
        #expect(!TemplateValue.isTruthy(""))
        #expect(!TemplateValue.isTruthy([Any]()))
        #expect(!TemplateValue.isTruthy([[String: Any]]()))
        #expect(TemplateValue.isTruthy(true))
        #expect(TemplateValue.isTruthy("x"))
        #expect(TemplateValue.isTruthy(0))
        #expect(TemplateValue.isTruthy([String: Any]()))
        #expect(TemplateValue.isTruthy(["a"]))
    }
}
