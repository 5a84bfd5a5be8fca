import RelaisCore
import RelaisCrypto
import Testing

/// The notice is assembled from settings and messages; its version changes with any word of any language.
@Suite struct PrivacyNoticeTests {
    let settings = NoticeSettings(controllerName: "Commune de Test", controllerAddress: "1 place de la Mairie", dpoContact: "dpo@test.example")

    /// Messages that show their key and values, so the assembly can be read back.
    func notice(_ language: String = "fr", settings: NoticeSettings? = nil, consent: ConsentSettings = ConsentSettings()) -> PrivacyNotice {
        PrivacyNotice(language: language, notice: settings ?? self.settings, consent: consent) { key, values in
            ([key] + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
        }
    }

    @Test func everyRequiredPartIsPresentInOrder() {
        #expect(notice().sections.map(\.id) == ["controller", "purposes", "recipients", "retention", "rights", "withdraw", "complaint"])
        let text = notice().text
        for part in ["notice.controller address=1 place de la Mairie name=Commune de Test", "notice.dpo contact=dpo@test.example",
                     "notice.purpose_legal_log", "notice.purpose_remember days=30", "notice.recipients_judicial",
                     "notice.recipients_departement", "notice.retention_legal_log", "notice.retention_remember days=30",
                     "notice.retention_help", "notice.retention_statistics", "notice.rights", "notice.rights_how contact=dpo@test.example",
                     "notice.withdraw", "notice.complaint"] {
            #expect(text.contains(part), "\(part)")
        }
    }

    @Test func extraPurposesAndTextAppear() {
        let extra = ConsentSettings(rememberDays: 7, extraPurposes: [
            .init(id: "lettre", retentionDays: 90, label: ["fr": "La lettre", "en": "The letter"], explanation: ["fr": "Mensuelle.", "en": "Monthly."]),
        ])
        var withText = settings
        withText.extraText = ["en": "Hello."]
        let english = notice("en", settings: withText, consent: extra)
        #expect(english.text.contains("notice.purpose_extra explanation=Monthly. label=The letter"))
        #expect(english.text.contains("notice.retention_extra days=90 label=The letter"))
        #expect(english.sections.last?.paragraphs == ["Hello."])
        #expect(notice("fr", settings: withText, consent: extra).sections.last?.id == "complaint", "no French extra text given")
    }

    @Test func aControllerWithoutAddressReadsWithoutIt() {
        var noAddress = settings
        noAddress.controllerAddress = ""
        #expect(notice(settings: noAddress).sections[0].paragraphs[0] == "notice.controller_name_only name=Commune de Test")
    }

    @Test func theVersionIsTheSHA256OfTheTextsAndChangesWithAnyOfThem() {
        let digest = SHA256Digest()
        let french = notice("fr"), english = notice("en")
        let version = NoticeVersion(notices: [french, english], digest: digest)
        #expect(version.version.count == 64)
        #expect(version.shown["fr"] == NoticeShown(version: version.version, textSHA256: digest.sha256Hex(french.text)))
        #expect(version.shown["en"]?.textSHA256 == digest.sha256Hex(english.text))
        var otherDPO = settings
        otherDPO.dpoContact = "dpo2@test.example"
        let changed = NoticeVersion(notices: [notice("fr", settings: otherDPO), english], digest: digest)
        #expect(changed.version != version.version)
        #expect(changed.shown["en"]?.textSHA256 == version.shown["en"]?.textSHA256)
    }

    @Test func incompleteSettingsAreNotComplete() {
        #expect(settings.isComplete)
        #expect(!NoticeSettings(controllerName: " ", controllerAddress: "", dpoContact: "x").isComplete)
        #expect(!NoticeSettings(controllerName: "x", controllerAddress: "", dpoContact: "").isComplete)
    }
}
