import Foundation
import RelaisCore
import Testing
@testable import RelaisWeb

@Suite struct NearestHelpTests {
    @Test func theNearestOpenPlaceInWords() async throws {
        // Tuesday 3 November 2026, 10:00: the Couronneries (2.3 km) are open.
        let fixture = try await PlacesFixture()
        let now = PlacesFixture.paris.instant(for: LocalDateTime(year: 2026, month: 11, day: 3, hour: 10)!)
        let help = try #require(await fixture.pages.nearestHelp(language: .fr, languageQuery: "", now: now))
        #expect(help.placeID == "couronneries" && help.isOpen && help.status == "Ouvert maintenant, ferme à 12 h")
        #expect(help.distance == "à 2,3 km" && help.href == "/aide/lieux/couronneries")
        // 12:30: closed until 14:00, but La Caravelle opens at 13:00: the soonest opening wins.
        let lunch = PlacesFixture.paris.instant(for: LocalDateTime(year: 2026, month: 11, day: 3, hour: 12, minute: 30)!)
        let later = try #require(await fixture.pages.nearestHelp(language: .en, languageQuery: "?lang=en", now: lunch))
        #expect(later.placeID == "chatellerault" && !later.isOpen && later.status == "Closed for now, opens today at 1 pm")
        #expect(later.href == "/aide/lieux/chatellerault?lang=en")
    }
}
