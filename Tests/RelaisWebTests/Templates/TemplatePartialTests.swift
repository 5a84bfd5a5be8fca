import Testing
@testable import RelaisWeb

@Suite struct TemplatePartialTests {
    @Test func partialsSeeTheCurrentContext() throws {
        let others = ["header": "<header>{{venue}}</header>\n", "item": "<li>{{name}}</li>"]
        let html = try renderTemplate(
            "{{> header}}\n<ul>{{#rows}}{{> item}}{{/rows}}</ul>", ["venue": "Mairie & Co", "rows": [["name": "a"], ["name": "b"]]],
            others: others)
        #expect(html == "<header>Mairie &amp; Co</header>\n<ul><li>a</li><li>b</li></ul>")
    }

    @Test func partialsInsideALayoutAndMissingOnesEmpty() throws {
        let others = ["layout": "<body>{{> header}}{{$main}}{{/main}}{{> nowhere}}</body>", "header": "[{{title}}]"]
        #expect(try renderTemplate("{{<layout}}{{$main}}M{{/main}}{{/layout}}", ["title": "T"], others: others) == "<body>[T]M</body>")
    }

    @Test func aPartialIncludingItselfStops() throws {
        #expect(try renderTemplate("{{> main}}x") == String(repeating: "x", count: TemplateRenderer.maxParentDepth + 1))
    }

    @Test func standalonePartialTakesItsLine() throws {
        #expect(try renderTemplate("a\n  {{> p}}  \nb", others: ["p": "P\n"]) == "a\nP\nb")
    }
}

@Suite struct TrustedHTMLTests {
    @Test func trustedMarkupIsWrittenAsItIsEverythingElseEscaped() throws {
        let chart = TrustedHTML(generatedMarkup: #"<svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg>"#)
        let values: [String: Any] = ["chart": chart, "label": "<svg>"]
        #expect(try renderTemplate("{{chart}}|{{label}}", values) == #"<svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg>|&lt;svg&gt;"#)
    }

    @Test func escapingInitializerEscapes() {
        #expect(TrustedHTML(escaping: #"<b>"Tom" & 'Jo'</b>"#).markup == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jo&#39;&lt;/b&gt;")
    }
}
