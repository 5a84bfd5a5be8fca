import struct FoundationEssentials.Date

/// A live check-in: the agent said « je suis à l'accueil » at `startedAt`, and left at `endedAt`.
public struct CheckIn: Sendable, Hashable, Identifiable {
    /// How a check-in ended.
    public enum EndReason: String, Sendable, Hashable {
        /// The agent checked out.
        case checkedOut = "checked-out"
        /// The agent forgot; it was ended at the end of the planned slot (or of the local day).
        case slotEnded = "slot-ended"
    }

    public var id: Int64
    public var agentID: Int64
    public var startedAt: Date
    public var endedAt: Date?
    public var endReason: EndReason?

    public init(id: Int64, agentID: Int64, startedAt: Date, endedAt: Date? = nil, endReason: EndReason? = nil) {
        self.id = id
        self.agentID = agentID
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.endReason = endReason
    }

    public var isOpen: Bool { endedAt == nil }
}
