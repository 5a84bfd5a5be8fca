import Foundation
import RelaisCore
import RelaisTesting
import Testing
@testable import RelaisWeb

/// « Je veux de l’aide » through the pages: the form, its token, the optional fields, the progress page.
@Suite struct HelpRequestPageTests {
    /// The request form of the page as a browser sends it: the radio buttons replaced by the one chosen.
    func form(_ portal: PortalFixture, query: String = "", topic: String?, seat: String) async throws -> BrowserForm {
        let page = await portal.get("/aide/demande" + query)
        #expect(page.status == 200)
        var form = try BrowserForm.find(in: page.text, action: "/aide/demande")
        form.fields = form.fields.filter { $0.name != "topic" }.map { $0.name == "seat" ? ("seat", seat) : $0 }
        if let topic { form.fields.append(("topic", topic)) }
        return form
    }

    @Test func twoTapsBeforeConnectingThenReceivedThenTaken() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        // Tap 1: the banner's button, on the welcome page; the visitor has no session.
        #expect(portal.visitors.directory.session(forIPAddress: PortalFixture.visitorIP) == nil)
        let page = await portal.get("/aide/demande")
        #expect(page.text.contains("C’est pour quoi ? (facultatif)"))
        #expect(page.text.contains(#"<input type="radio" name="topic" id="topic-caf" value="caf">"#))
        #expect(!page.text.contains("<script"))
        // Tap 2: send.
        let sent = await portal.submit(try await form(portal, topic: "caf", seat: "  Table 3, près de la fenêtre "))
        #expect(sent.status == 303)
        let request = try #require(offer.requests.first)
        #expect(request.topic == .caf)
        #expect(request.seat == "Table 3, près de la fenêtre")
        #expect(sent.location == "/aide/suivi?id=\(request.ticket.id)&cle=\(request.ticket.token)")

        var progress = await portal.get(try #require(sent.location))
        #expect(progress.status == 200)
        #expect(progress.text.contains("Votre demande est bien arrivée à l’accueil."))
        #expect(progress.text.contains(#"href="\#(sent.location!.replacingOccurrences(of: "&", with: "&amp;"))">Mettre à jour</a>"#))
        // No reload by surprise (WCAG 2.2.1): only when the visitor asks for it.
        #expect(!progress.text.contains("http-equiv=\"refresh\""))
        let auto = await portal.get(sent.location! + "&auto=1")
        #expect(auto.text.contains(#"<meta http-equiv="refresh" content="15">"#))
        #expect(auto.text.contains("Arrêter la mise à jour automatique"))

        offer.move(request.ticket, to: .taken)
        progress = await portal.get(sent.location!)
        #expect(progress.text.contains("Une personne a pris votre demande. Elle arrive."))
        #expect(!progress.text.contains("http-equiv=\"refresh\""), "nothing left to wait for")
    }

    @Test func topicAndSeatAreOptional() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        let sent = await portal.submit(try await form(portal, topic: nil, seat: ""))
        #expect(sent.status == 303)
        #expect(offer.requests.map(\.topic) == [nil])
        #expect(offer.requests.map(\.seat) == [nil])
    }

    @Test func theTokenIsRequiredAndBoundToTheVisitor() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        // No token at all: a malformed post.
        let bare = await portal.send(portal.request("POST", "/aide/demande", body: "topic=caf", contentType: "application/x-www-form-urlencoded"))
        #expect(bare.status == 400)
        // A token from another device's form.
        let stolen = try await form(portal, topic: "caf", seat: "")
        let other = await portal.submit(stolen, from: "192.0.2.77")
        #expect(other.status == 403)
        #expect(other.text.contains("Ce formulaire n’est plus valable."))
        _ = try BrowserForm.find(in: other.text, action: "/aide/demande")
        // A connect token is not a help-request token.
        let splash = await portal.get("/")
        let connectToken = try #require(try BrowserForm.find(in: splash.text, action: "/connexion").value("token"))
        let crossed = await portal.submit(stolen.replacing("token", with: connectToken))
        #expect(crossed.status == 403)
        // Spent once, refused the second time.
        #expect(await portal.submit(stolen).status == 303)
        #expect(await portal.submit(stolen).status == 403)
        #expect(offer.requests.count == 1)
    }

    @Test func unknownTopicsAndLongSeatsAreRefused() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        #expect(await portal.submit(try await form(portal, topic: "banque", seat: "")).status == 400)
        #expect(await portal.submit(try await form(portal, topic: nil, seat: String(repeating: "x", count: 41))).status == 400)
        #expect(await portal.submit(try await form(portal, topic: nil, seat: String(repeating: "é", count: 40))).status == 303)
        #expect(offer.requests.count == 1)
    }

    @Test func englishKeepsItsLanguageThroughTheProgressPage() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        let sent = await portal.submit(try await form(portal, query: "?lang=en", topic: "email", seat: "B2"))
        let location = try #require(sent.location)
        #expect(location.hasSuffix("&lang=en"))
        let progress = await portal.get(location)
        #expect(progress.text.contains("Your request has reached the front desk."))
        #expect(progress.text.contains(#"lang="fr" hreflang="fr""#))
        #expect(progress.text.contains("/aide/suivi?id=r1&amp;cle=tok1x7919&amp;lang=fr"), "the language link keeps the ticket")
    }

    @Test func unknownOrMalformedTicketsSayNothingAboutOthers() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        _ = await portal.submit(try await form(portal, topic: nil, seat: ""))
        for target in ["/aide/suivi", "/aide/suivi?id=r1&cle=wrong", "/aide/suivi?id=r1&cle=%3Cscript%3E", "/aide/suivi?id=r1"] {
            let page = await portal.get(target)
            #expect(page.status == 404, "\(target)")
            #expect(page.text.contains("Nous ne trouvons pas cette demande."))
        }
    }

    @Test func aStoreFailureIsA503AndNotAFakeReceipt() async throws {
        let offer = InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty)
        let portal = try await PortalFixture(help: offer)
        offer.setFailing(true)
        let sent = await portal.submit(try await form(portal, topic: nil, seat: ""))
        #expect(sent.status == 503)
        #expect(sent.header("retry-after") == "60")
    }

    @Test func nobodyOnDutySaysTheRequestWaits() async throws {
        let portal = try await PortalFixture(help: InMemoryHelpOffer(HelpOfferSnapshotSamples.placeOpen))
        let page = await portal.get("/aide/demande")
        #expect(page.text.contains("Personne n’est à l’accueil en ce moment. Votre demande attendra la prochaine personne."))
    }

    @Test func pagesStayUnder50KB() async throws {
        let portal = try await PortalFixture(help: InMemoryHelpOffer(HelpOfferSnapshotSamples.onDuty))
        for target in ["/", "/?lang=en", "/aide/demande", "/aide/demande?lang=en"] {
            let page = await portal.get(target)
            #expect(page.response.body.count < 50_000, "\(target)")
        }
    }
}

/// The answers of the form, checked without a page.
@Suite struct HelpRequestFieldsTests {
    @Test func optionalAnswers() {
        #expect(HelpRequestFields([:]) == HelpRequestFields(["topic": "", "seat": "   "]))
        #expect(HelpRequestFields([:])?.topic == nil && HelpRequestFields([:])?.seat == nil)
        #expect(HelpRequestFields(["topic": "france-travail", "seat": " B2 "]).map { ($0.topic, $0.seat) }! == (.franceTravail, "B2"))
    }

    @Test func whatTheFormCannotSendIsRefused() {
        #expect(HelpRequestFields(["topic": "France-Travail"]) == nil)
        #expect(HelpRequestFields(["seat": "a\u{7}b"]) == nil)
        #expect(HelpRequestFields(["seat": String(repeating: "x", count: 41)]) == nil)
    }
}
