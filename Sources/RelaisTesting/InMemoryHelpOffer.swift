import FoundationEssentials
import RelaisCore
import Synchronization

/// The help offer for unit tests: a snapshot the test sets, and requests kept in memory whose stage
/// the test moves on as an agent would.
public final class InMemoryHelpOffer: HelpOffer {
    /// A request as the port received it.
    public struct Request: Sendable, Equatable {
        public var ticket: HelpOfferTicket
        public var topic: HelpOfferTopic?
        public var seat: String?
        public var at: Date
        public var stage: HelpRequestStage
    }

    /// Thrown by `submitHelpRequest` while `failing` is set.
    public struct Unavailable: Error {}

    private struct State {
        var snapshot: HelpOfferSnapshot
        var requests: [Request] = []
        var failing = false
    }

    private let state: Mutex<State>

    public init(_ snapshot: HelpOfferSnapshot) {
        state = Mutex(State(snapshot: snapshot))
    }

    /// What `snapshot(at:)` answers from now on.
    public func set(_ snapshot: HelpOfferSnapshot) {
        state.withLock { $0.snapshot = snapshot }
    }

    /// Makes the next submissions throw (the store is down), or succeed again.
    public func setFailing(_ failing: Bool) {
        state.withLock { $0.failing = failing }
    }

    /// An agent moves the request on.
    public func move(_ ticket: HelpOfferTicket, to stage: HelpRequestStage) {
        state.withLock { state in
            if let index = state.requests.firstIndex(where: { $0.ticket == ticket }) { state.requests[index].stage = stage }
        }
    }

    public var requests: [Request] { state.withLock { $0.requests } }

    public func snapshot(at now: Date) -> HelpOfferSnapshot {
        state.withLock { $0.snapshot }
    }

    public func submitHelpRequest(topic: HelpOfferTopic?, seat: String?, at now: Date) async throws -> HelpOfferTicket {
        try state.withLock { state in
            if state.failing { throw Unavailable() }
            let number = state.requests.count + 1
            // Distinct per request; a real token is random, this one only has to be unique.
            let ticket = HelpOfferTicket(id: "r\(number)", token: "tok\(number)x\(number * 7919)")
            state.requests.append(Request(ticket: ticket, topic: topic, seat: seat, at: now, stage: .received))
            return ticket
        }
    }

    public func helpRequestProgress(_ ticket: HelpOfferTicket) async -> HelpRequestStage? {
        state.withLock { state in state.requests.first { $0.ticket == ticket }?.stage }
    }
}
