import Testing
@testable import RelaisWeb

@Suite struct TemplateRendererTests {
    @Test func variablesAreEscapedAndMissingOnesEmpty() throws {
        let values: [String: Any] = ["html": #"<a href="x">&'</a>"#, "n": 42, "yes": true, "none": Optional<String>.none as Any]
        #expect(try renderTemplate("[{{html}}][{{n}}][{{yes}}][{{none}}][{{missing}}][{{a.b}}]", values)
            == "[&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;][42][true][][][]")
    }

    @Test func sectionsOverBooleans() throws {
        #expect(try renderTemplate("{{#t}}yes{{/t}}{{#f}}no{{/f}}", ["t": true, "f": false]) == "yes")
    }

    @Test func sectionsOverLists() throws {
        let rows: [[String: Any]] = [["name": "a"], ["name": "<b>"]]
        #expect(try renderTemplate("{{#rows}}<{{name}}>{{/rows}}", ["rows": rows]) == "<a><&lt;b&gt;>")
        #expect(try renderTemplate("{{#list}}{{.}},{{/list}}", ["list": ["x", "y"]]) == "x,y,")
        #expect(try renderTemplate("{{#list}}never{{/list}}", ["list": [Any]()]) == "")
    }

    @Test func sectionsOverDictionariesPushThem() throws {
        let values: [String: Any] = ["link": ["url": "/u", "host": "h"], "host": "outer", "title": "T"]
        #expect(try renderTemplate("{{#link}}{{url}} {{host}} {{title}}{{/link}} {{host}}", values) == "/u h T outer")
    }

    @Test func sectionsOverOtherValues() throws {
        #expect(try renderTemplate("{{#v}}[{{.}}]{{/v}}", ["v": "text"]) == "[text]")
        #expect(try renderTemplate("{{#v}}shown{{/v}}", ["v": ""]) == "")
        #expect(try renderTemplate("{{#v}}shown{{/v}}", ["v": Optional<Int>.none as Any]) == "")
        #expect(try renderTemplate("{{#missing}}shown{{/missing}}") == "")
    }

    @Test func invertedSections() throws {
        let values: [String: Any] = ["t": true, "f": false, "empty": [Any](), "full": [1]]
        let text = "{{^t}}1{{/t}}{{^f}}2{{/f}}{{^empty}}3{{/empty}}{{^full}}4{{/full}}{{^missing}}5{{/missing}}"
        #expect(try renderTemplate(text, values) == "235")
    }

    @Test func dottedNamesInSectionsAndVariables() throws {
        let values: [String: Any] = ["a": ["b": ["c": "deep", "on": true]]]
        #expect(try renderTemplate("{{a.b.c}} {{#a.b.on}}on{{/a.b.on}}", values) == "deep on")
    }

    @Test func inheritanceUsesDefaultsAndOverrides() throws {
        let layout = "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n"
        let page = "{{<layout}}\n{{$main}}\n<p>{{text}}</p>\n{{/main}}\n{{/layout}}\n"
        #expect(try renderTemplate(page, ["text": "hi"], others: ["layout": layout])
            == "<title>Default</title>\n<main>\n<p>hi</p>\n\n</main>\n")
        let titled = "{{<layout}}{{$title}}Mine &{{/title}}{{/layout}}"
        #expect(try renderTemplate(titled, others: ["layout": layout]) == "<title>Mine &</title>\n<main>\n\n</main>\n")
    }

    @Test func outerOverridesWinOverInnerOnes() throws {
        let base = "[{{$a}}base{{/a}}]"
        let middle = "{{<base}}{{$a}}middle{{/a}}{{/base}}"
        #expect(try renderTemplate("{{<middle}}{{$a}}page{{/a}}{{/middle}}", others: ["base": base, "middle": middle]) == "[page]")
        #expect(try renderTemplate("{{<middle}}{{/middle}}", others: ["base": base, "middle": middle]) == "[middle]")
    }

    @Test func overridesSeeTheValuesWhereTheBlockIs() throws {
        let layout = "{{#user}}{{$greeting}}{{/greeting}}{{/user}}"
        let page = "{{<layout}}{{$greeting}}Hello {{name}}{{/greeting}}{{/layout}}"
        #expect(try renderTemplate(page, ["user": ["name": "Ana"]], others: ["layout": layout]) == "Hello Ana")
    }

    @Test func missingOrSelfReferencingParentsRenderNothing() throws {
        #expect(try renderTemplate("a{{<nowhere}}{{/nowhere}}b") == "ab")
        #expect(try renderTemplate("x{{<main}}{{/main}}") == String(repeating: "x", count: TemplateRenderer.maxParentDepth + 1))
    }
}
