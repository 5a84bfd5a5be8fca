import FoundationEssentials
import Logging
import RelaisCore

/// The help offer as the box's pages see it: who is on duty, the next workshops, and visitors' help
/// requests. The visitor pages (kiosk, portal) and the staff pages call it; the scheduler runs its
/// maintenance (forgotten check-outs, end-of-day purge).
public struct HelpDesk: Sendable {
    let store: any RosterStore
    let zone: TimeZoneRules
    let random: any RandomSource
    let digest: any TextDigest
    let logger: Logger
    /// Observers of the changes (shared by every copy of this desk).
    public let changes: HelpDeskChanges

    /// How far back check-ins are read to resolve the duty (a check-out earlier today still counts).
    static let checkInLookback: TimeInterval = 2 * 86_400

    public init(store: any RosterStore, zone: TimeZoneRules, random: any RandomSource, digest: any TextDigest, logger: Logger,
                changes: HelpDeskChanges = HelpDeskChanges()) {
        self.store = store
        self.zone = zone
        self.random = random
        self.digest = digest
        self.logger = logger
        self.changes = changes
    }

    /// The roster as stored now, ready to resolve.
    public func roster(at instant: Date) async throws -> DutyRoster {
        async let agents = store.agents()
        async let slots = store.rosterSlots()
        async let checkIns = store.checkIns(since: instant.addingTimeInterval(-Self.checkInLookback))
        return DutyRoster(zone: zone, agents: try await agents, slots: try await slots, checkIns: try await checkIns)
    }

    /// Who is on duty at `at` (label for visitors = first name or role, until when).
    public func dutyNow(at instant: Date) async throws -> [DutyAssignment] {
        try await roster(at: instant).onDuty(at: instant)
    }

    /// The next planned duty after `after`, of someone not on duty then.
    public func nextDuty(after instant: Date) async throws -> DutyAssignment? {
        try await roster(at: instant).nextDuty(after: instant)
    }

    /// Workshops from the local time of `from` on, soonest first.
    public func upcomingWorkshops(from instant: Date, limit: Int) async throws -> [Workshop] {
        try await store.workshops(from: zone.localDateTime(at: instant), limit: limit)
    }

    /// Records a visitor's request; the ticket's token is shown only to that visitor's page and stored
    /// as its digest.
    public func submitHelpRequest(topic: HelpTopic?, seat: String?, at instant: Date) async throws -> HelpRequestTicket {
        let token = random.bytes(16)
        let id = try await store.addHelpRequest(
            topic: topic, seat: HelpRequest.normalizedSeat(seat), tokenDigest: digest.sha256(token), at: instant)
        logger.info("help request received", metadata: ["help.request": "\(id)", "help.topic": "\(topic?.rawValue ?? "none")"])
        await changed(.requestMade, at: instant)
        return HelpRequestTicket(id: id, token: Hex.encode(token))
    }

    /// Where the ticket's request stands; nil when unknown, purged, or the token does not match.
    public func helpRequestProgress(_ ticket: HelpRequestTicket) async throws -> HelpRequestProgress? {
        guard let token = Hex.decode(ticket.token), token.count == 16,
              let (request, stored) = try await store.helpRequest(id: ticket.id),
              ConstantTime.equal(digest.sha256(token), stored)
        else { return nil }
        var label: String?
        if let agentID = request.takenBy {
            label = try await store.agents().first { $0.id == agentID }?.visitorLabel
        }
        return HelpRequestProgress(state: request.state, topic: request.topic, createdAt: request.createdAt, takenByLabel: label)
    }

    /// Ends the check-ins agents forgot to close, at the end of their planned slot (or of their day).
    /// Run by the scheduler every few minutes; returns how many it ended.
    @discardableResult
    public func endForgottenCheckIns(at instant: Date) async throws -> Int {
        let forgotten = try await roster(at: instant).forgottenCheckIns(at: instant)
        guard !forgotten.isEmpty else { return 0 }
        let ended = try await store.endCheckIns(forgotten.map { ($0.checkIn.id, $0.endsAt) }, reason: .slotEnded)
        logger.notice("forgotten check-ins ended", metadata: ["roster.ended": "\(ended)"])
        await changed(.checkedOut, at: instant)
        return ended
    }
}
