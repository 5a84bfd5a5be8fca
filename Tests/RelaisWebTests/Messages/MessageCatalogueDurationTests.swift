import Testing
@testable import RelaisWeb

@Suite struct MessageCatalogueDurationTests {
    @Test func frenchDurations() async throws {
        let french = try await PortalTemplates.load(from: PortalFixture.assetsDirectory).messages[.fr]
        #expect(french.duration(seconds: 0) == "moins d’une minute")
        #expect(french.duration(seconds: 59) == "moins d’une minute")
        #expect(french.duration(seconds: 60) == "1 minute")
        #expect(french.duration(seconds: 119) == "1 minute")
        #expect(french.duration(seconds: 30 * 60) == "30 minutes")
        #expect(french.duration(seconds: 61 * 60) == "1 heure et 1 minute")
        #expect(french.duration(seconds: 2 * 3600) == "2 heures")
        #expect(french.duration(seconds: 4 * 3600 + 30 * 60) == "4 heures et 30 minutes")
        #expect(french.duration(seconds: 2 * 3600 + 45 * 60 + 59) == "2 heures et 45 minutes")
        #expect(french.duration(seconds: -5) == "moins d’une minute")
    }

    @Test func englishDurations() async throws {
        let english = try await PortalTemplates.load(from: PortalFixture.assetsDirectory).messages[.en]
        #expect(english.duration(seconds: 0) == "less than a minute")
        #expect(english.duration(seconds: 59) == "less than a minute")
        #expect(english.duration(seconds: 60) == "1 minute")
        #expect(english.duration(seconds: 61 * 60) == "1 hour and 1 minute")
        #expect(english.duration(seconds: 3600) == "1 hour")
        #expect(english.duration(seconds: 2 * 3600) == "2 hours")
        #expect(english.duration(seconds: 4 * 3600 + 30 * 60) == "4 hours and 30 minutes")
    }

    /// The sentences that carry a duration read right for every duration (issue 7's examples).
    @Test func sentencesWithDurationsReadRight() async throws {
        let messages = try await PortalTemplates.load(from: PortalFixture.assetsDirectory).messages
        let idle = { (language: PortalLanguage, seconds: Int) in
            messages[language].format("common.idle_rule", ["duration": messages[language].duration(seconds: seconds)])
        }
        #expect(idle(.en, 30) == "The connection stops after less than a minute without internet use.")
        #expect(idle(.en, 60) == "The connection stops after 1 minute without internet use.")
        #expect(idle(.fr, 30) == "La connexion s’arrête après moins d’une minute sans utilisation d’internet.")
        #expect(idle(.fr, 16_200) == "La connexion s’arrête après 4 heures et 30 minutes sans utilisation d’internet.")
        let rule = messages[.en].format("splash.rule_session", ["duration": messages[.en].duration(seconds: 7200)])
        #expect(rule == "Longest connection: 2 hours. After that, you can connect again.")
    }
}
