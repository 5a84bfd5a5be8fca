import Testing
@testable import RelaisWeb

@Suite struct TemplateParserTests {
    @Test func buildsTheTree() throws {
        let nodes = try TemplateParser.parse("a{{x.y}}{{#s}}b{{^t}}c{{/t}}{{/s}}{{$k}}d{{/k}}")
        let s = try #require(TemplateName("s")), t = try #require(TemplateName("t")), xy = try #require(TemplateName("x.y"))
        #expect(nodes == [
            .text("a"), .variable(xy),
            .section(s, inverted: false, children: [.text("b"), .section(t, inverted: true, children: [.text("c")])]),
            .block("k", children: [.text("d")]),
        ])
    }

    @Test func adjacentTextIsMergedAndCommentsDropped() throws {
        #expect(try TemplateParser.parse("a\nb{{! c }}d\n") == [.text("a\nbd\n")])
    }

    @Test func aParentKeepsOnlyItsBlocks() throws {
        let nodes = try TemplateParser.parse("{{<layout}}\nignored\n{{! note }}\n{{$title}}T{{/title}}\n{{/layout}}\n")
        #expect(nodes == [.parent("layout", overrides: ["title": [.text("T")]])])
    }

    @Test func namesAreChecked() {
        #expect(TemplateName(".")?.keys == [])
        #expect(TemplateName("a.b")?.keys == ["a", "b"])
        #expect(TemplateName("a..b") == nil)
        #expect(TemplateName(".a") == nil)
        #expect(parseError("line\n{{a.}}") == TemplateError(.invalidName("a."), line: 2))
    }

    @Test func unclosedSectionNamesTheLineThatOpensIt() {
        #expect(parseError("a\n{{#open}} never closed\n") == TemplateError(.unclosedSection("open"), line: 2))
        #expect(parseError("{{#a}}\n{{^b}}\n{{/b}}\n") == TemplateError(.unclosedSection("a"), line: 1))
        #expect(parseError("{{<layout}}\n{{$main}}\n{{/main}}\n") == TemplateError(.unclosedSection("layout"), line: 1))
    }

    @Test func mismatchedClose() {
        let error = parseError("{{#a}}\n{{#b}}\n{{/a}}\n")
        #expect(error == TemplateError(.mismatchedClose(expected: "b", found: "a", openedOnLine: 2), line: 3))
        #expect(parseError("x\n\n{{/a}}") == TemplateError(.unexpectedClose("a"), line: 3))
    }

    @Test func onlyBlocksInsideAParent() {
        #expect(parseError("{{<p}}\n{{v}}\n{{/p}}") == TemplateError(.invalidInsideParent("p"), line: 2))
        #expect(parseError("{{<p}}\n\n{{#s}}{{/s}}\n{{/p}}") == TemplateError(.invalidInsideParent("p"), line: 3))
    }

    @Test func theDescriptionNamesTemplateAndLine() throws {
        var library = TemplateLibrary()
        do {
            try library.register("ok\n{{#a}}\n", named: "fr-splash")
            Issue.record("registering should fail")
        } catch let error as TemplateError {
            #expect(error.template == "fr-splash")
            #expect(error.line == 2)
            #expect(error.description == "template 'fr-splash', line 2: section 'a' is never closed")
        }
    }
}
