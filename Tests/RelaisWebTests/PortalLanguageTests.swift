import Testing
@testable import RelaisWeb

@Suite struct PortalLanguageTests {
    @Test func durationsInWords() {
        #expect(PortalLanguage.fr.duration(seconds: 4 * 3600) == "4 heures")
        #expect(PortalLanguage.fr.duration(seconds: 3600 + 60) == "1 heure et 1 minute")
        #expect(PortalLanguage.fr.duration(seconds: 2 * 3600 + 45 * 60 + 59) == "2 heures et 45 minutes")
        #expect(PortalLanguage.fr.duration(seconds: 30 * 60) == "30 minutes")
        #expect(PortalLanguage.fr.duration(seconds: 59) == "moins d’une minute")
        #expect(PortalLanguage.en.duration(seconds: 3600) == "1 hour")
        #expect(PortalLanguage.en.duration(seconds: 7260) == "2 hours and 1 minute")
        #expect(PortalLanguage.en.duration(seconds: 0) == "less than a minute")
    }

    @Test func negotiation() {
        #expect(PortalLanguage.negotiate(chosen: "en", acceptLanguage: "fr").language == .en)
        #expect(PortalLanguage.negotiate(chosen: "de", acceptLanguage: nil) == (.fr, false))
        #expect(PortalLanguage.negotiate(chosen: nil, acceptLanguage: "de-DE, en;q=0.7, fr;q=0.3").language == .en)
        #expect(PortalLanguage.negotiate(chosen: nil, acceptLanguage: "en;q=0, fr").language == .fr)
        #expect(PortalLanguage.negotiate(chosen: nil, acceptLanguage: "es, it").language == .fr)
        #expect(PortalLanguage.negotiate(chosen: nil, acceptLanguage: "fr-CA, en").language == .fr)
    }
}
