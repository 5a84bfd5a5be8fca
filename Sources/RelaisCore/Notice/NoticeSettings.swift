/// What the commune writes in `[notice]`: the controller, its data protection officer, optional extra text.
public struct NoticeSettings: Sendable, Equatable {
    /// The controller: the commune (« Commune de Chasseneuil-du-Poitou »).
    public var controllerName: String
    /// Its postal address.
    public var controllerAddress: String
    /// How to reach the data protection officer (e-mail or postal address).
    public var dpoContact: String
    /// Extra paragraph per language code ("fr", "en"), shown at the end of the notice; empty for none.
    public var extraText: [String: String]

    public init(controllerName: String, controllerAddress: String, dpoContact: String, extraText: [String: String] = [:]) {
        self.controllerName = controllerName
        self.controllerAddress = controllerAddress
        self.dpoContact = dpoContact
        self.extraText = extraText
    }

    /// Whether the notice can be shown: art. 13 requires the controller and the DPO's contact.
    public var isComplete: Bool {
        !controllerName.allSatisfy(\.isWhitespace) && !dpoContact.allSatisfy(\.isWhitespace)
    }
}
