import Testing
@testable import RelaisWeb

@Suite struct TemplateTokenizerTests {
    @Test func splitsTextAfterEachNewlineAndReadsTags() throws {
        let tokens = try TemplateTokenizer.tokenize("a{{b}}\n{{#c}}{{^d}}{{$e}}{{<f}}{{/g}}{{! h }}\nend")
        #expect(tokens == [
            TemplateToken(.text("a"), line: 1), TemplateToken(.variable("b"), line: 1), TemplateToken(.text("\n"), line: 1),
            TemplateToken(.section("c"), line: 2), TemplateToken(.invertedSection("d"), line: 2),
            TemplateToken(.block("e"), line: 2), TemplateToken(.parent("f"), line: 2), TemplateToken(.close("g"), line: 2),
            TemplateToken(.comment, line: 2), TemplateToken(.text("\n"), line: 2), TemplateToken(.text("end"), line: 3),
        ])
    }

    @Test func spacesAroundNamesAreIgnored() throws {
        #expect(try TemplateTokenizer.tokenize("{{ name }}{{# list }}{{/ list }}").map(\.kind) == [.variable("name"), .section("list"), .close("list")])
    }

    @Test func aMultilineCommentCountsItsLines() throws {
        let tokens = try TemplateTokenizer.tokenize("{{! one\ntwo\n}}{{x}}")
        #expect(tokens == [TemplateToken(.comment, line: 1), TemplateToken(.variable("x"), line: 3)])
    }

    @Test func singleBracesAreText() throws {
        #expect(try TemplateTokenizer.tokenize("a { b } c}}").map(\.kind) == [.text("a { b } c}}")])
    }

    @Test func faultyTagsAndPartials() throws {
        #expect(throws: TemplateError(.unclosedTag, line: 2)) { try TemplateTokenizer.tokenize("ok\nnot {{closed\n") }
        #expect(throws: TemplateError(.emptyName, line: 1)) { try TemplateTokenizer.tokenize("{{ }}") }
        #expect(throws: TemplateError(.emptyName, line: 1)) { try TemplateTokenizer.tokenize("{{#}}") }
        #expect(throws: TemplateError(.invalidName("a b"), line: 1)) { try TemplateTokenizer.tokenize("{{a b}}") }
        #expect(try TemplateTokenizer.tokenize("{{> partial }}") == [TemplateToken(.partial("partial"), line: 1)])
        #expect(throws: TemplateError(.unsupportedTag("{{&raw}}"), line: 1)) { try TemplateTokenizer.tokenize("{{&raw}}") }
        #expect(throws: TemplateError.self) { try TemplateTokenizer.tokenize("{{{raw}}}") }
        #expect(throws: TemplateError.self) { try TemplateTokenizer.tokenize("{{=<% %>=}}") }
    }
}
