import struct FoundationEssentials.Date

/// How a place's clocks relate to UTC over time: a list of transitions, then a POSIX rule for the years after
/// the list (the content of a TZif file). Pure data; the RelaisTime adapter builds it from tzdata.
public struct TimeZoneRules: Sendable, Hashable {
    /// The zone's name ("Europe/Paris"), for logs and messages.
    public let name: String
    /// The type in force before the first transition.
    public let initialType: LocalTimeType
    /// Instants (Unix seconds, strictly increasing) at which the local time type changes.
    public let transitionTimes: [Int64]
    /// The type in force from `transitionTimes[i]` on.
    public let transitionTypes: [LocalTimeType]
    /// The rule for instants after the last transition; nil keeps the last transition's type forever.
    public let footer: PosixTimeZoneRule?

    /// Transitions must be in strictly increasing time order (the TZif reader checks it).
    public init(name: String, initialType: LocalTimeType, transitions: [(at: Int64, type: LocalTimeType)],
                footer: PosixTimeZoneRule?) {
        precondition(zip(transitions, transitions.dropFirst()).allSatisfy { $0.at < $1.at },
                     "transitions must be strictly increasing")
        self.name = name
        self.initialType = initialType
        transitionTimes = transitions.map(\.at)
        transitionTypes = transitions.map(\.type)
        self.footer = footer
    }

    /// A zone that only follows a POSIX rule (`CET-1CEST,M3.5.0,M10.5.0/3`); nil when the rule does not parse.
    public init?(name: String, posixRule: String) {
        guard let rule = PosixTimeZoneRule(posixRule) else { return nil }
        self.init(name: name, initialType: rule.standard, transitions: [], footer: rule)
    }

    /// A zone whose offset never changes.
    public static func fixed(utcOffset seconds: Int, abbreviation: String) -> TimeZoneRules {
        TimeZoneRules(name: abbreviation, initialType: LocalTimeType(utcOffset: seconds, isDST: false, abbreviation: abbreviation),
                      transitions: [], footer: nil)
    }

    public static let utc = TimeZoneRules.fixed(utcOffset: 0, abbreviation: "UTC")

    /// The local time type in force at `instant` (Unix seconds).
    public func type(at instant: Int64) -> LocalTimeType {
        guard let last = transitionTimes.last, instant >= transitionTimes[0] else {
            return transitionTimes.isEmpty ? (footer?.type(at: instant) ?? initialType) : initialType
        }
        if instant > last, let footer { return footer.type(at: instant) }
        return transitionTypes[lastIndex(atOrBefore: instant)]
    }

    /// The local time type in force at `instant`.
    public func type(at instant: Date) -> LocalTimeType { type(at: Self.seconds(instant)) }

    /// The first instant after `instant` at which the local time type changes, and the type from then on.
    public func nextTransition(after instant: Int64) -> (at: Int64, type: LocalTimeType)? {
        var current = type(at: instant)
        var cursor = instant
        // Files may list a "transition" that keeps the same type (a name change in the source): skip those.
        while let next = rawTransition(after: cursor) {
            if next.type != current { return next }
            current = next.type
            cursor = next.at
        }
        return nil
    }

    private func rawTransition(after instant: Int64) -> (at: Int64, type: LocalTimeType)? {
        if let last = transitionTimes.last, instant < last {
            let index = instant < transitionTimes[0] ? 0 : lastIndex(atOrBefore: instant) + 1
            return (transitionTimes[index], transitionTypes[index])
        }
        return footer?.nextTransition(after: instant)
    }

    /// The index of the last transition at or before `instant`; requires `instant >= transitionTimes[0]`.
    private func lastIndex(atOrBefore instant: Int64) -> Int {
        var low = 0, high = transitionTimes.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if transitionTimes[middle] <= instant { low = middle } else { high = middle }
        }
        return low
    }

    /// Whole Unix seconds of a date, rounded down (so that 00:59:59.9 is still in the minute 00:59).
    /// Dates beyond ±10^15 s (or not finite) are clamped there: no civil question reaches them, and none traps.
    static func seconds(_ date: Date) -> Int64 {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite else { return seconds > 0 ? 1_000_000_000_000_000 : -1_000_000_000_000_000 }
        return Int64(min(max(seconds, -1e15), 1e15))
    }
}
