import RelaisCore

extension PortalPages {
    /// The optional boxes of the welcome page, in the configured order, all unticked: « Se souvenir de cet
    /// appareil » (when its key is loaded) then the commune's own purposes.
    func consentBoxes(_ language: PortalLanguage) -> [[String: String]] {
        let messages = renderer.messages[language]
        var boxes: [[String: String]] = []
        if settings.offersRememberDevice {
            boxes.append([
                "field": Self.consentField(ConsentPurpose.rememberDeviceID), "id": ConsentPurpose.rememberDeviceID,
                "label": messages.format("consent.remember_label", ["days": "\(settings.consent.rememberDays)"]),
                "explanation": messages.format("consent.remember_explanation", ["days": "\(settings.consent.rememberDays)"]),
            ])
        }
        for purpose in settings.consent.extraPurposes {
            boxes.append([
                "field": Self.consentField(purpose.id), "id": purpose.id,
                "label": purpose.label[language.rawValue] ?? purpose.id,
                "explanation": purpose.explanation[language.rawValue] ?? "",
            ])
        }
        return boxes
    }

    /// The boxes ticked in a posted form (an absent field is unticked) and the notice the page showed.
    func consentChoice(_ form: [String: String], language: PortalLanguage) -> ConsentChoice {
        var offered = settings.consent.extraPurposes.map(\.id)
        if settings.offersRememberDevice { offered.insert(ConsentPurpose.rememberDeviceID, at: 0) }
        let ticked = offered.filter { form[Self.consentField($0)] == "yes" }
        return ConsentChoice(ticked: Set(ticked), notice: notice.shown(language))
    }

    static func consentField(_ id: String) -> String { "consent-\(id)" }
}
