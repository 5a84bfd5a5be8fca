import struct FoundationEssentials.Date

/// What a wall-clock reading means in a zone: one instant, none (the clocks jumped over it), or two (the clocks
/// went back and showed it twice).
public enum LocalResolution: Sendable, Hashable {
    /// The reading happens once, at this instant.
    case unique(Date)
    /// The reading never happens: clocks jumped forward over it (02:30 on 29 March 2026 in Paris).
    /// `transition` is the instant of the jump, the first valid instant after the gap (03:00 CEST);
    /// `before` and `after` read the wall time with the offset in force before the jump (02:30 CET = 03:30 CEST)
    /// and after it (02:30 CEST = 01:30 CET).
    case skipped(before: Date, after: Date, transition: Date)
    /// The reading happens twice: clocks went back (02:30 on 25 October 2026 in Paris): first in summer time,
    /// then an hour later in standard time.
    case repeated(earlier: Date, later: Date)

    /// Which instant to take when a wall reading is not unique.
    public enum Policy: Sendable, Hashable {
        /// The earlier of a repeated reading; a skipped one is taken at the end of the gap.
        case earliest
        /// The later of a repeated reading; a skipped one is taken at the end of the gap.
        case latest
    }

    /// One instant for this reading: a skipped time becomes the first valid instant after the gap (what a
    /// daily job or an opening time wants); a repeated one the earlier or later occurrence, as asked.
    public func instant(_ policy: Policy) -> Date {
        switch self {
        case .unique(let instant): instant
        case .skipped(_, _, let transition): transition
        case .repeated(let earlier, let later): policy == .earliest ? earlier : later
        }
    }
}
