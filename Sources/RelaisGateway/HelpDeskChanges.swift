import FoundationEssentials
import Synchronization

/// Something that changed what visitors see of the help offer, or what the usage stream counts.
public enum HelpDeskChange: String, Sendable, Equatable {
    case checkedIn, checkedOut
    case requestMade, requestTaken, requestClosed
    case workshops
}

/// Who hears of the help desk's changes: the help offer refreshes its snapshot, the usage stream counts.
/// Observers are awaited, so that the agent's next page, and the visitor's, already see the change.
public final class HelpDeskChanges: Sendable {
    public typealias Observer = @Sendable (HelpDeskChange, Date) async -> Void

    private let observers = Mutex<[Observer]>([])

    public init() {}

    /// Adds an observer (at start, before the listeners run).
    public func observe(_ observer: @escaping Observer) {
        observers.withLock { $0.append(observer) }
    }

    /// Tells every observer, in the order they were added.
    public func announce(_ change: HelpDeskChange, at instant: Date) async {
        for observer in observers.withLock({ $0 }) {
            await observer(change, instant)
        }
    }
}

extension HelpDesk {
    /// Announces a change made to the roster, the workshops or the requests; the staff pages call it
    /// after each of their writes, the help desk after its own.
    public func changed(_ change: HelpDeskChange, at instant: Date) async {
        await changes.announce(change, at: instant)
    }
}
