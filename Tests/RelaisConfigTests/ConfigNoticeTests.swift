import RelaisConfig
import RelaisCore
import Testing

/// `[notice]` and `[consent]`: a notice without its controller or DPO is refused, with file:line.
@Suite struct ConfigNoticeTests {
    func check(_ text: String) -> ConfigCheck {
        RelaisConfigLoader.check(fileName: "relais.toml", text: text, directory: "/etc/relais")
    }

    @Test func aFileWithoutNoticeIsRefusedNamingBothKeys() {
        let result = check("[portal]\nport = 8080\n")
        #expect(result.config == nil)
        #expect(result.errors.map(\.description) == [
            "relais.toml:0: notice.controller_name: the privacy notice must name the controller (the commune) and there is no [notice] section; expected a name such as \"Commune de Chasseneuil-du-Poitou\"",
            "relais.toml:0: notice.dpo_contact: the privacy notice must name the data protection officer's contact and there is no [notice] section; expected an e-mail or postal address such as \"dpo@mairie.example.fr\"",
        ])
    }

    @Test func aNoticeWithoutDPOIsRefusedAtItsSectionLine() {
        let result = check("[portal]\nport = 8080\n\n[notice]\ncontroller_name = \"Commune de Test\"\n")
        #expect(result.config == nil)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.description.hasPrefix("relais.toml:4: notice.dpo_contact: the privacy notice must name the data protection officer's contact and [notice] does not set it") == true)
    }

    @Test func anEmptyControllerIsRefusedAtItsLine() {
        let result = check("[notice]\ncontroller_name = \" \"\ndpo_contact = \"dpo@x.example\"\n")
        #expect(result.errors.map(\.key) == ["notice.controller_name"])
        #expect(result.errors.first?.line == 2)
    }

    @Test func aCompleteNoticeLoadsWithExtraTexts() throws {
        let config = try #require(check("""
            [notice]
            controller_name = "Commune de Test"
            controller_address = "1 place de la Mairie"
            dpo_contact = "dpo@test.example"
            extra_text_fr = "Bonjour."
            extra_text_en = ""
            """).config)
        #expect(config.notice == NoticeSettings(controllerName: "Commune de Test", controllerAddress: "1 place de la Mairie",
                                                dpoContact: "dpo@test.example", extraText: ["fr": "Bonjour."]))
        #expect(config.consent.rememberDays == 30)
        #expect(config.consent.settings.policy.purposes == [ConsentPurpose(id: "remember-device", retentionDays: 30)])
    }

    @Test func furtherPurposesComeFromTheirOwnSections() throws {
        let config = try #require(check(withNotice("""
            [consent]
            remember_days = 7
            purposes = ["lettre"]

            [consent-lettre]
            label_fr = "Recevoir la lettre"
            label_en = "Receive the newsletter"
            explanation_fr = "Une lettre par mois."
            explanation_en = "One letter a month."
            retention_days = 365
            """)).config)
        #expect(config.consent.settings.policy.purposes == [
            ConsentPurpose(id: "remember-device", retentionDays: 7), ConsentPurpose(id: "lettre", retentionDays: 365),
        ])
        #expect(config.consent.extraPurposes.first?.label == ["fr": "Recevoir la lettre", "en": "Receive the newsletter"])
    }

    @Test func aPurposeMissingItsTextsOrSectionIsRefused() {
        let result = check(withNotice("""
            [consent]
            purposes = ["lettre", "sondage"]

            [consent-lettre]
            label_fr = "Recevoir la lettre"
            retention_days = 365

            [consent-autre]
            label_fr = "x"
            """))
        #expect(result.config == nil)
        #expect(result.errors.map(\.description).contains("relais.toml:2: consent.purposes: \"sondage\" has no [consent-sondage] section; expected a [consent-sondage] section with label_fr, label_en, explanation_fr, explanation_en, retention_days"))
        #expect(result.errors.contains { $0.key == "consent-lettre.label_en" && $0.line == 4 })
        #expect(result.errors.contains { $0.key == "consent-lettre.explanation_fr" })
        #expect(result.errors.contains { $0.key == "consent-autre" && $0.line == 8 })
    }

    @Test(arguments: ["[\"remember-device\"]", "[\"Lettre\"]", "[\"a\", \"a\"]", "\"lettre\""])
    func invalidPurposeListsAreRefused(list: String) {
        let result = check(withNotice("[consent]\npurposes = \(list)\n"))
        #expect(result.errors.map(\.key) == ["consent.purposes"])
    }

    @Test func anUnknownKeyInAPurposeSectionIsNamed() {
        let result = check(withNotice("[consent]\npurposes = [\"x\"]\n[consent-x]\nlabel_fr = \"a\"\nlabel_en = \"a\"\nexplanation_fr = \"a\"\nexplanation_en = \"a\"\nretention_days = 3\nlabel_de = \"a\"\n"))
        #expect(result.errors.map(\.key) == ["consent-x.label_de"])
    }
}
