import Foundation
import RelaisCore
import RelaisHTTP
import RelaisStore
import RelaisTesting
import Testing
@testable import RelaisStaff

@Suite struct StaffPagesTests {
    @Test func checkInAndOutInOneTapEach() async throws {
        let fixture = try StaffFixture()
        let marie = try await fixture.addAgent("marie")
        let cookie = try await fixture.signedInCookie("marie")
        #expect(await fixture.get("/agent", cookie: cookie).text.contains("Personne n’est à l’accueil"))
        let checkIn = try await fixture.submit(page: "/agent", action: "/agent/presence", cookie: cookie, extra: [("action", "in")])
        #expect(checkIn.status == 303 && checkIn.location == "/agent")
        let home = await fixture.get("/agent", cookie: cookie).text
        #expect(home.contains("Vous êtes à l’accueil"))
        #expect(home.contains("« Marie »"))
        #expect(try await fixture.desk.dutyNow(at: fixture.clock.now).map(\.agentID) == [marie.id])
        fixture.clock.advance(60)
        _ = try await fixture.submit(page: "/agent", action: "/agent/presence", cookie: cookie, extra: [("action", "out")])
        #expect(try await fixture.desk.dutyNow(at: fixture.clock.now).isEmpty)
        #expect(await fixture.get("/agent", cookie: cookie).text.contains("Je suis à l’accueil"))
    }

    @Test func helpQueueTakeThenClose() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let cookie = try await fixture.signedInCookie("marie")
        let ticket = try await fixture.desk.submitHelpRequest(topic: .caf, seat: "table <3>", at: fixture.clock.now)
        let home = await fixture.get("/agent", cookie: cookie).text
        #expect(home.contains("CAF"))
        #expect(home.contains("table &lt;3&gt;"))
        let take = try await fixture.submit(page: "/agent", action: "/agent/demandes/\(ticket.id)/prise", cookie: cookie)
        #expect(take.status == 303)
        let taken = try await fixture.desk.helpRequestProgress(ticket)
        #expect(taken?.state == .taken && taken?.takenByLabel == "Marie")
        #expect(await fixture.get("/agent", cookie: cookie).text.contains("Prise en charge par Marie Dupont"))
        _ = try await fixture.submit(page: "/agent", action: "/agent/demandes/\(ticket.id)/cloture", cookie: cookie)
        #expect(try await fixture.desk.helpRequestProgress(ticket)?.state == .closed)
        #expect(await fixture.get("/agent", cookie: cookie).text.contains("Aucune demande d’aide en attente."))
    }

    @Test func rosterWeekViewAddAndRemove() async throws {
        let fixture = try StaffFixture()
        let marie = try await fixture.addAgent("marie")
        try await fixture.addAgent("paul", name: "Paul Martin", role: "Conseiller numérique", showsFirstName: false)
        let cookie = try await fixture.signedInCookie("marie")
        let week = await fixture.get("/agent/planning", cookie: cookie)
        #expect(week.status == 200)
        #expect(week.text.contains("Semaine du lundi 30 novembre"))
        #expect(week.text.contains("Paul Martin"))
        let added = try await fixture.submit(page: "/agent/planning", action: "/agent/planning/ajout", cookie: cookie, extra: [
            ("agent", "\(marie.id)"), ("date", "2026-12-02"), ("start", "22:00"), ("end", "01:00"), ("weekly", "1"),
        ])
        #expect(added.status == 303 && added.location == "/agent/planning?semaine=2026-12-02")
        let slots = try await fixture.store.rosterSlots()
        #expect(slots.count == 1 && slots.first?.recurrence == .weekly(.wednesday) && slots.first?.crossesMidnight == true)
        let shown = await fixture.get("/agent/planning?semaine=2026-12-09", cookie: cookie).text
        #expect(shown.contains("de 22:00 à 01:00 (jusqu’au lendemain)"))
        let bad = try await fixture.submit(page: "/agent/planning", action: "/agent/planning/ajout", cookie: cookie, extra: [
            ("agent", "\(marie.id)"), ("date", "2026-12-02"), ("start", "25:00"), ("end", "01:00"),
        ])
        #expect(bad.status == 400 && bad.text.contains("Le créneau n’a pas été ajouté"))
        let slotID = try #require(slots.first?.id)
        let removed = try await fixture.submit(page: "/agent/planning?semaine=2026-12-02", action: "/agent/planning/\(slotID)/suppression", cookie: cookie)
        #expect(removed.status == 303)
        #expect(removed.location == "/agent/planning?semaine=2026-11-30")
        #expect(try await fixture.store.rosterSlots().isEmpty)
    }

    @Test func workshopsCreateEditDelete() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let cookie = try await fixture.signedInCookie("marie")
        #expect(await fixture.get("/agent/ateliers", cookie: cookie).text.contains("Aucun atelier prévu."))
        let created = try await fixture.submit(page: "/agent/ateliers", action: "/agent/ateliers", cookie: cookie, extra: [
            ("title", "Créer son espace ameli"), ("date", "2026-12-01"), ("time", "14:00"), ("place", "Salle 2"), ("seats", "8"),
        ])
        #expect(created.status == 303)
        let listed = await fixture.get("/agent/ateliers", cookie: cookie).text
        #expect(listed.contains("Créer son espace ameli") && listed.contains("mardi 1 décembre à 14:00") && listed.contains("8 places"))
        let workshop = try #require(try await fixture.desk.upcomingWorkshops(from: fixture.clock.now, limit: 5).first)

        let invalid = try await fixture.submit(page: "/agent/ateliers", action: "/agent/ateliers", cookie: cookie, extra: [
            ("title", ""), ("date", "2026-02-30"), ("time", "14:00"), ("place", "Salle 2"), ("seats", "0"),
        ])
        #expect(invalid.status == 400)
        #expect(invalid.text.contains("L’atelier n’a pas été enregistré"))
        #expect(invalid.text.components(separatedBy: "aria-invalid=\"true\"").count - 1 == 3)

        let edit = await fixture.get("/agent/ateliers/\(workshop.id)", cookie: cookie)
        #expect(edit.status == 200 && edit.text.contains("value=\"Salle 2\""))
        let saved = try await fixture.submit(page: "/agent/ateliers/\(workshop.id)", action: "/agent/ateliers/\(workshop.id)", cookie: cookie, extra: [
            ("title", "Créer son espace ameli"), ("date", "2026-12-01"), ("time", "15:30"), ("place", "Salle 3"), ("seats", ""),
        ])
        #expect(saved.status == 303)
        let updated = try await fixture.store.workshop(id: workshop.id)
        #expect(updated?.place == "Salle 3" && updated?.seats == nil && updated?.startsAt.time == LocalTime(hour: 15, minute: 30))
        let deleted = try await fixture.submit(page: "/agent/ateliers", action: "/agent/ateliers/\(workshop.id)/suppression", cookie: cookie)
        #expect(deleted.status == 303)
        #expect(try await fixture.store.workshop(id: workshop.id) == nil)
        #expect(await fixture.get("/agent/ateliers/\(workshop.id)", cookie: cookie).status == 404)
    }

    @Test func pagesInEnglishAndStaticCSS() async throws {
        let fixture = try StaffFixture()
        try await fixture.addAgent("marie")
        let cookie = try await fixture.signedInCookie("marie")
        let home = await fixture.get("/agent?lang=en", cookie: cookie)
        #expect(home.text.contains("<html lang=\"en\"") && home.text.contains("Help requests"))
        let css = await fixture.get("/static/portal.css")
        #expect(css.status == 200 && css.text.contains("Staff pages"))
        #expect(await fixture.get("/nothing").status == 404)
    }
}
