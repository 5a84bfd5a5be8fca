import FoundationEssentials
import Testing
@testable import RelaisCore

@Suite struct HelpRequestTests {
    @Test func seatIsTrimmedCutAndCleaned() {
        #expect(HelpRequest.normalizedSeat("  près de la fenêtre \n") == "près de la fenêtre")
        #expect(HelpRequest.normalizedSeat("   ") == nil)
        #expect(HelpRequest.normalizedSeat(nil) == nil)
        #expect(HelpRequest.normalizedSeat("a\u{0}b\u{7}c") == "abc")
        #expect(HelpRequest.normalizedSeat(String(repeating: "é", count: 100))?.count == HelpRequest.maxSeatLength)
    }

    @Test func topicsAreTheFixedList() {
        #expect(HelpTopic.allCases.map(\.rawValue) == ["ameli", "caf", "france-travail", "impots", "email", "other"])
    }

    @Test func workshopProblemsNameTheFields() {
        let good = Workshop(id: 0, title: "Créer son espace ameli", startsAt: LocalDateTime(year: 2026, month: 12, day: 1, hour: 14)!, place: "Salle 2", seats: 8)
        #expect(good.problems.isEmpty)
        var bad = good
        bad.title = " "
        bad.place = String(repeating: "x", count: 121)
        bad.seats = 0
        #expect(bad.problems == [.title, .place, .seats])
    }

    @Test func loginsAndNamesAreChecked() {
        #expect(Agent.isValidLogin("marie.dupont-2"))
        #expect(!Agent.isValidLogin("marie dupont"))
        #expect(!Agent.isValidLogin(""))
        #expect(Agent.isValidText("Conseillère numérique"))
        #expect(!Agent.isValidText(" padded"))
        #expect(!Agent.isValidText("line\nbreak"))
    }
}
