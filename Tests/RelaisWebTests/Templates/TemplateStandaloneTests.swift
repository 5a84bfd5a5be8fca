import Testing
@testable import RelaisWeb

@Suite struct TemplateStandaloneTests {
    @Test func sectionTagsAloneOnTheirLineTakeTheLine() throws {
        let text = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        #expect(try renderTemplate(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func tagsAmongTextKeepTheirLine() throws {
        #expect(try renderTemplate("a {{#t}}b{{/t}} c\n", ["t": true]) == "a b c\n")
        #expect(try renderTemplate("{{#t}}b{{/t}}\nnext", ["t": true]) == "b\nnext")
        #expect(try renderTemplate("{{#t}}{{/t}}\nnext", ["t": true]) == "\nnext")
    }

    @Test func aVariableAloneKeepsItsLine() throws {
        #expect(try renderTemplate("  {{v}}\n", ["v": "x"]) == "  x\n")
        #expect(try renderTemplate("{{v}}\n", [:]) == "\n")
    }

    @Test func commentsAloneOnTheirLinesVanish() throws {
        #expect(try renderTemplate("a\n  {{! note }}  \nb\n") == "a\nb\n")
        #expect(try renderTemplate("a\n{{! one\ntwo }}\nb\n") == "a\nb\n")
        #expect(try renderTemplate("a {{! note }} b\n") == "a  b\n")
    }

    @Test func lastLineWithoutNewlineAndCRLF() throws {
        #expect(try renderTemplate("a\n{{#t}}\nb\n{{/t}}", ["t": true]) == "a\nb\n")
        #expect(try renderTemplate("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\n", ["t": true]) == "a\r\nb\r\n")
    }

    @Test func invertedAndBlockTagsAreStandaloneToo() throws {
        #expect(try renderTemplate("{{^f}}\nno\n{{/f}}\n{{$b}}\nblock\n{{/b}}\n") == "no\nblock\n")
    }
}
