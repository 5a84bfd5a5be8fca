/// The yearly rule of a POSIX TZ string (`CET-1CEST,M3.5.0,M10.5.0/3`). TZif files end with one: it gives the
/// local time for every instant after the file's last listed transition (2037 and beyond in Debian's tzdata).
public struct PosixTimeZoneRule: Sendable, Hashable {
    /// The time kept outside daylight-saving time.
    public let standard: LocalTimeType
    /// The daylight-saving time and when it starts and ends each year; nil for a zone without DST.
    public let daylight: Daylight?

    /// Daylight-saving time and its yearly limits.
    public struct Daylight: Sendable, Hashable {
        public let type: LocalTimeType
        public let start: ChangeDay
        /// Seconds after the start day's midnight, read on the standard-time clock (may be negative or past 24 h).
        public let startTime: Int
        public let end: ChangeDay
        /// Seconds after the end day's midnight, read on the daylight-time clock.
        public let endTime: Int

        public init(type: LocalTimeType, start: ChangeDay, startTime: Int, end: ChangeDay, endTime: Int) {
            self.type = type
            self.start = start
            self.startTime = startTime
            self.end = end
            self.endTime = endTime
        }
    }

    /// A day of the year in the three forms POSIX allows.
    public enum ChangeDay: Sendable, Hashable {
        /// `Jn`: day 1 … 365, 29 February never counted (J60 is always 1 March).
        case julianSkippingLeapDay(Int)
        /// `n`: day 0 … 365, 29 February counted.
        case zeroBasedDayOfYear(Int)
        /// `Mm.w.d`: weekday `weekday` of week `week` (1 … 5, 5 meaning the last) of month `month`.
        case monthWeekDay(month: Int, week: Int, weekday: Weekday)

        /// The day this designates in `year`.
        public func date(in year: Int) -> LocalDate {
            let january1 = LocalDate(year: year, month: 1, day: 1)!
            switch self {
            case .julianSkippingLeapDay(let n):
                return january1.adding(days: n - 1 + (LocalDate.isLeapYear(year) && n >= 60 ? 1 : 0))
            case .zeroBasedDayOfYear(let n):
                return january1.adding(days: n)
            case .monthWeekDay(let month, let week, let weekday):
                let first = LocalDate(year: year, month: month, day: 1)!
                var day = 1 + (weekday.sundayBasedIndex - first.weekday.sundayBasedIndex + 7) % 7 + 7 * (week - 1)
                while day > first.daysInMonth { day -= 7 }
                return LocalDate(year: year, month: month, day: day)!
            }
        }
    }

    public init(standard: LocalTimeType, daylight: Daylight?) {
        self.standard = standard
        self.daylight = daylight
    }

    /// The local time type in force at `instant` (Unix seconds).
    public func type(at instant: Int64) -> LocalTimeType {
        guard let daylight else { return standard }
        // The latest change at or before the instant, among the year before's, the year's and the next year's
        // (computed without building a list: this runs for every conversion past the file's last transition).
        // At equal instants a start wins over an end, so a rule that restarts DST as it ends stays on DST.
        let year = Self.year(of: instant)
        var latest: (at: Int64, isStart: Bool)? = nil
        for y in (year - 1)...(year + 1) {
            for isStart in [false, true] {
                let at = change(in: y, isStart: isStart, daylight)
                guard at <= instant else { continue }
                if let current = latest, (at, isStart ? 1 : 0) <= (current.at, current.isStart ? 1 : 0) { continue }
                latest = (at, isStart)
            }
        }
        return latest?.isStart == true ? daylight.type : standard
    }

    /// The first instant after `instant` at which the local time type changes, and the type from then on.
    public func nextTransition(after instant: Int64) -> (at: Int64, type: LocalTimeType)? {
        guard let daylight else { return nil }
        var cursor = instant
        var current = type(at: instant)
        // A rule with all-year DST ends and restarts it at the same instant: no change; give up after a few years.
        for _ in 0..<4 {
            let year = Self.year(of: cursor)
            var next: Int64? = nil
            for y in (year - 1)...(year + 2) {
                for isStart in [false, true] {
                    let at = change(in: y, isStart: isStart, daylight)
                    if at > cursor, at < (next ?? .max) { next = at }
                }
            }
            guard let next else { return nil }
            let after = type(at: next)
            if after != current { return (next, after) }
            current = after
            cursor = next
        }
        return nil
    }

    /// The instant DST starts (or ends) in `year`.
    private func change(in year: Int, isStart: Bool, _ daylight: Daylight) -> Int64 {
        isStart
            ? Int64(daylight.start.date(in: year).daysSince1970) * 86_400 + Int64(daylight.startTime - standard.utcOffset)
            : Int64(daylight.end.date(in: year).daysSince1970) * 86_400 + Int64(daylight.endTime - daylight.type.utcOffset)
    }

    private static func year(of instant: Int64) -> Int {
        LocalDate(daysSince1970: Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400)).year
    }
}
