import struct FoundationEssentials.Date

/// Whether a place is open at an instant, and until or from when.
public enum OpeningStatus: Sendable, Hashable {
    /// Open; closes at `until` (nil: not within a year, e.g. `24/7`).
    case open(until: Date?)
    /// Closed; opens at `opensAt` (nil: not within a year).
    case closed(opensAt: Date?)
    /// The hours are only a comment (« sur rendez-vous »): nobody can say.
    case unknown

    public var isOpen: Bool {
        if case .open = self { return true }
        return false
    }

    /// The next instant the status changes, if known.
    public var nextChange: Date? {
        switch self {
        case .open(let until): until
        case .closed(let opensAt): opensAt
        case .unknown: nil
        }
    }
}

extension OpeningHours {
    /// The status at `instant`, with wall times read in `zone`: a range is open from the first instant the
    /// wall clock shows its start to the first instant it shows its end. A start or end in the hour skipped in
    /// spring is taken at the jump; one in the hour repeated in autumn at its first occurrence.
    public func status(at instant: Date, in zone: TimeZoneRules) -> OpeningStatus {
        if isCommentOnly { return .unknown }
        let today = zone.localDate(at: instant)
        // Look a week ahead first; a place open only on holidays may need most of a year.
        var merged: [(start: Date, end: Date)] = []
        for horizon in [8, 40, 400] {
            // Days after the horizon only hold ranges starting after `limit`: answers before it are final.
            let limit = zone.startOfDay(today.adding(days: horizon + 1))
            merged = Self.union((-2...horizon).flatMap { intervals(on: today.adding(days: $0), in: zone) })
            if let current = merged.first(where: { $0.start <= instant && instant < $0.end }) {
                if current.end < limit { return .open(until: current.end) }
            } else if let next = merged.first(where: { $0.start > instant }), next.start < limit {
                return .closed(opensAt: next.start)
            }
        }
        return merged.contains { $0.start <= instant && instant < $0.end } ? .open(until: nil) : .closed(opensAt: nil)
    }

    /// Whether the place is open at `instant`.
    public func isOpen(at instant: Date, in zone: TimeZoneRules) -> Bool {
        status(at: instant, in: zone).isOpen
    }

    /// The next instant after `instant` at which the place opens or closes; nil when nothing changes within
    /// a year or the hours are only a comment.
    public func nextChange(after instant: Date, in zone: TimeZoneRules) -> Date? {
        status(at: instant, in: zone).nextChange
    }

    /// The instants of the ranges that start on `date`.
    func intervals(on date: LocalDate, in zone: TimeZoneRules) -> [(start: Date, end: Date)] {
        spans(on: date).compactMap { span in
            let start = Self.instant(date, minutes: span.start, zone), end = Self.instant(date, minutes: span.end, zone)
            return start < end ? (start, end) : nil
        }
    }

    /// The instant the wall clock of `zone` first shows `minutes` after the midnight starting `date`.
    static func instant(_ date: LocalDate, minutes: Int, _ zone: TimeZoneRules) -> Date {
        let local = LocalDateTime(date: date.adding(days: minutes / 1440), time: LocalTime(secondsSinceMidnight: minutes % 1440 * 60))
        return zone.instant(for: local, .earliest)
    }

    /// Sorted intervals with overlapping or touching ones joined (`Mo-Su 00:00-24:00` is one long opening).
    static func union(_ intervals: [(start: Date, end: Date)]) -> [(start: Date, end: Date)] {
        var result: [(start: Date, end: Date)] = []
        for interval in intervals.sorted(by: { $0.start < $1.start }) {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }
}
