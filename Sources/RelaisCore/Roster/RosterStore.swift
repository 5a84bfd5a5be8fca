import struct FoundationEssentials.Date

/// The durable side of the help offer, as the gateway's help desk needs it: the roster, workshops and
/// help requests. One method per intent, each one transaction; the store's schema keeps the invariants
/// (one open check-in per agent, valid states).
public protocol RosterStore: Sendable {
    /// Every agent, disabled ones included, by id.
    func agents() async throws -> [Agent]
    /// Every planned slot.
    func rosterSlots() async throws -> [RosterSlot]
    /// Open check-ins, and those started at or after `since`.
    func checkIns(since: Date) async throws -> [CheckIn]
    /// Ends these open check-ins at the given instants with `reason`; returns how many it ended.
    func endCheckIns(_ endings: [(id: Int64, at: Date)], reason: CheckIn.EndReason) async throws -> Int
    /// Workshops starting at or after `from` (local wall time), soonest first, at most `limit`.
    func workshops(from: LocalDateTime, limit: Int) async throws -> [Workshop]
    /// Records a new request in state `received`; returns its id.
    func addHelpRequest(topic: HelpTopic?, seat: String?, tokenDigest: [UInt8], at: Date) async throws -> Int64
    /// The request and the digest of its token, if it still exists.
    func helpRequest(id: Int64) async throws -> (request: HelpRequest, tokenDigest: [UInt8])?
}

