import Foundation
import RelaisCore
import RelaisHTTP
import RelaisTesting
import Testing
@testable import RelaisWeb

@Suite struct PrerenderedPageTests {
    /// The fast welcome page must be byte for byte what the template gives for the same values.
    @Test(arguments: [
        ("", nil), ("http://example.org/", "fr"), ("http://exemple.fr/a?b=1&c=<d>\"'é", "en"),
        ("javascript:alert('x')", nil), (String(repeating: "x", count: 3000), "fr"),
    ] as [(String, String?)])
    func matchesTheTemplateRendering(continueURL: String, lang: String?) async throws {
        // With a help offer, so that the banner's slot is filled too.
        let portal = try await PortalFixture(help: InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty))
        let responder = portal.responder.pages
        #expect(responder.splashPages.count == 4, "both languages, with and without an explicit choice")
        var query = "continue=" + URLEncodedForm.encode(continueURL)
        if let lang { query += "&lang=" + lang }
        let request = HTTPRequest(method: "GET", path: "/", query: query, headers: [("host", "192.0.2.1:2050")], clientAddress: PortalFixture.visitorIP)
        var context = PortalContext(core: CoreRequestContext(request: request))
        if let lang { (context.language, context.explicitLanguage) = (PortalLanguage(rawValue: lang)!, true) }
        let visit = PortalVisit(request: request, context: context, now: portal.clock.now)
        let fast = try responder.splash(visit)
        let form = try BrowserForm.find(in: String(decoding: fast.body, as: UTF8.self), action: "/connexion")
        let token = try #require(form.fields.first { $0.name == "token" }?.value)
        let target = continueURL.utf8.count <= PortalPages.maxContinueLength ? continueURL : ""
        var page = responder.splashPage(visit.language, explicitLanguage: visit.explicitLanguage, token: token, continueURL: target, problem: false)
        page.helpBanner = responder.helpBanner(visit.language, languageQuery: visit.languageQuery, now: visit.now)
        let slow = responder.renderer.page("splash", page.values, visit: visit, switchPath: "/")
        #expect(String(decoding: fast.body, as: UTF8.self) == String(decoding: slow.body, as: UTF8.self))
        #expect(fast.status == slow.status)
        #expect(fast.headers.map { $0.name } == slow.headers.map { $0.name })
    }

    @Test func aTemplateWithoutItsTokenSlotIsNotPrerendered() {
        #expect(PrerenderedPage(html: "<p>\(PrerenderedPage.Slot.continueURL.marker)</p>") == nil)
        let page = PrerenderedPage(html: "a\(PrerenderedPage.Slot.token.marker)b\(PrerenderedPage.Slot.continueURL.marker)c\(PrerenderedPage.Slot.switchHref.marker)d\(PrerenderedPage.Slot.helpBanner.marker)e")
        let rendered = page.map { String(decoding: $0.render { [.token: "<t>", .continueURL: "&", .switchHref: "'", .helpBanner: "<p>x</p>"][$0] ?? "" }, as: UTF8.self) }
        // The banner is markup its template already escaped: placed as it is.
        #expect(rendered == "a&lt;t&gt;b&amp;c&#39;d<p>x</p>e")
    }
}
