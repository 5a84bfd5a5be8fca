import struct FoundationEssentials.Date

/// What a visitor needs help with: a fixed list, so that nothing personal is typed into it.
public enum HelpTopic: String, Sendable, Hashable, CaseIterable {
    case ameli
    case caf
    case franceTravail = "france-travail"
    case impots
    case email
    case other
}

/// Where a help request stands, as the visitor's page shows it.
public enum HelpRequestState: String, Sendable, Hashable, CaseIterable {
    case received
    case taken
    case closed
}

/// A visitor's « Je veux de l'aide »: minimal by design (a topic from the list, where they sit, the
/// times), covered by the notice and purged at the end of the local day.
public struct HelpRequest: Sendable, Hashable, Identifiable {
    public var id: Int64
    public var topic: HelpTopic?
    /// Where the visitor sits (« près de la fenêtre »), at most ``maxSeatLength`` characters.
    public var seat: String?
    public var state: HelpRequestState
    public var createdAt: Date
    /// The agent who took it.
    public var takenBy: Int64?
    public var takenAt: Date?
    public var closedAt: Date?

    public init(
        id: Int64, topic: HelpTopic?, seat: String?, state: HelpRequestState, createdAt: Date,
        takenBy: Int64? = nil, takenAt: Date? = nil, closedAt: Date? = nil
    ) {
        self.id = id
        self.topic = topic
        self.seat = seat
        self.state = state
        self.createdAt = createdAt
        self.takenBy = takenBy
        self.takenAt = takenAt
        self.closedAt = closedAt
    }

    public static let maxSeatLength = 60

    /// The seat as stored: trimmed, control characters removed, cut to the maximum, nil when empty.
    public static func normalizedSeat(_ text: String?) -> String? {
        guard let text else { return nil }
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7f }))
        let trimmed = RosterText.trimmed(String(cleaned.prefix(maxSeatLength)))
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// What the visitor's page keeps to follow its request: the id and an unguessable token (hex).
public struct HelpRequestTicket: Sendable, Hashable {
    public var id: Int64
    public var token: String

    public init(id: Int64, token: String) {
        self.id = id
        self.token = token
    }
}

/// What the visitor's page shows of its request.
public struct HelpRequestProgress: Sendable, Hashable {
    public var state: HelpRequestState
    public var topic: HelpTopic?
    public var createdAt: Date
    /// First name or role of the agent who took it, when taken.
    public var takenByLabel: String?

    public init(state: HelpRequestState, topic: HelpTopic?, createdAt: Date, takenByLabel: String?) {
        self.state = state
        self.topic = topic
        self.createdAt = createdAt
        self.takenByLabel = takenByLabel
    }
}
