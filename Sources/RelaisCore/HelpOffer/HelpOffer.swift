import FoundationEssentials

/// The help offer as the visitors' pages use it: the port the web layer calls, implemented over the
/// roster, the help requests and the directory at the composition root.
public protocol HelpOffer: Sendable {
    /// What visitors see now. Called on the server thread for every welcome and status page: it must
    /// answer from memory, without waiting on disk.
    func snapshot(at now: Date) -> HelpOfferSnapshot
    /// A visitor asks for help (topic and seat both optional, already checked by the page).
    func submitHelpRequest(topic: HelpOfferTopic?, seat: String?, at now: Date) async throws -> HelpOfferTicket
    /// Where a request stands; nil when it is unknown (purged, or a wrong token).
    func helpRequestProgress(_ ticket: HelpOfferTicket) async -> HelpRequestStage?
}

/// The reference a visitor keeps to follow a help request: its id and an unguessable token.
public struct HelpOfferTicket: Sendable, Hashable {
    public var id: String
    public var token: String

    public init(id: String, token: String) {
        self.id = id
        self.token = token
    }
}

/// Where a help request stands, as the visitor's page shows it.
public enum HelpRequestStage: String, Sendable, Equatable {
    /// In the agents' queue.
    case received
    /// An agent took it and is coming.
    case taken
    /// Done, or withdrawn by an agent.
    case closed
}

/// What a visitor may say their request is about (all optional): the codes of the form's radio buttons.
public enum HelpOfferTopic: String, Sendable, CaseIterable {
    case ameli, caf
    case franceTravail = "france-travail"
    case impots, email
    case other
}
