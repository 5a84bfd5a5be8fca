import Foundation
import RelaisCore
import Testing
@testable import RelaisWeb

@Suite struct PlaceWordingTests {
    static func wording(_ language: PortalLanguage) async throws -> PlaceWording {
        let templates = try await PortalTemplates.load(from: PortalFixture.assetsDirectory)
        return PlaceWording(messages: templates.messages[language], zone: PlacesFixture.paris)
    }

    func at(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        PlacesFixture.paris.instant(for: LocalDateTime(year: 2026, month: 11, day: day, hour: hour, minute: minute)!)
    }

    @Test func statusSentencesInBothLanguages() async throws {
        let fr = try await Self.wording(.fr), en = try await Self.wording(.en)
        let hours = try OpeningHours(parsing: "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-24:00; PH off")
        // Tuesday 3 November 2026.
        #expect(fr.status(hours, at: at(3, 12, 30)) == "Fermé pour l’instant, ouvre aujourd’hui à 14 h")
        #expect(en.status(hours, at: at(3, 15)) == "Open now, closes at 5:30 pm")
        #expect(fr.status(hours, at: at(3, 18)) == "Fermé, ouvre demain à 9 h")
        // Saturday: closes at midnight, said as today's closing.
        #expect(fr.status(hours, at: at(7, 20)) == "Ouvert maintenant, ferme à 0 h")
        // Tuesday 10 November at 18:00: Wednesday is the 11th (a holiday), so Thursday.
        #expect(fr.status(hours, at: at(10, 18)) == "Fermé, ouvre jeudi à 9 h")
        #expect(en.status(hours, at: at(10, 18)) == "Closed, opens Thursday at 9 am")
        let rare = try OpeningHours(parsing: "PH 10:00-12:00")
        #expect(fr.status(rare, at: at(12, 9)) == "Fermé, ouvre le 25 décembre à 10 h")
        #expect(en.status(rare, at: at(12, 9)) == "Closed, opens on December 25 at 10 am")
        #expect(fr.date(LocalDate(year: 2027, month: 5, day: 1)!) == "1er mai" && en.date(LocalDate(year: 2027, month: 5, day: 1)!) == "May 1")
        #expect(fr.status(try OpeningHours(parsing: "24/7"), at: at(3, 3)) == "Ouvert maintenant, jour et nuit")
        #expect(fr.status(try OpeningHours(parsing: "off"), at: at(3, 3)) == "Fermé pour le moment")
        #expect(fr.status(nil, at: at(3, 3)) == "Horaires non indiqués : téléphonez avant de venir.")
    }

    @Test func theWeekAsSentences() async throws {
        let fr = try await Self.wording(.fr), en = try await Self.wording(.en)
        let hours = try OpeningHours(parsing: "Mo-Fr 09:00-12:00,14:00-17:30; Sa 09:00-12:00; PH off")
        #expect(fr.week(hours) == [
            "Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h 30.", "Le samedi : de 9 h à 12 h.",
            "Fermé les autres jours.", "Fermé les jours fériés.",
        ])
        #expect(en.week(hours).first == "Monday to Friday: 9 am to 12 pm and 2 pm to 5:30 pm.")
        #expect(fr.week(try OpeningHours(parsing: "24/7")) == ["Ouvert 24 heures sur 24, 7 jours sur 7."])
        #expect(fr.week(try OpeningHours(parsing: "Mo,We 10:00-11:00,13:00-14:00,16:00-17:00")).first
            == "Le lundi : de 10 h à 11 h, de 13 h à 14 h et de 16 h à 17 h.")
        #expect(fr.week(try OpeningHours(parsing: "Fr 22:00-02:00")).first == "Le vendredi : de 22 h à 2 h.")
        #expect(fr.week(try OpeningHours(parsing: "Sa")).first == "Le samedi : toute la journée.")
    }

    @Test func distances() async throws {
        let fr = try await Self.wording(.fr), en = try await Self.wording(.en)
        #expect(fr.distance(3) == "à 10 m" && fr.distance(454) == "à 450 m" && fr.distance(12_549) == "à 12,5 km")
        #expect(en.distance(999) == "1000 m away" || en.distance(999) == "1.0 km away")
        #expect(en.distance(1_950) == "2.0 km away")
    }
}
