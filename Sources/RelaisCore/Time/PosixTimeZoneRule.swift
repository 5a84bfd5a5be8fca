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
        guard daylight != nil else { return standard }
        // The year before's changes come first, so the last one at or before the instant is always listed.
        return changes(aroundYearOf: instant).last { $0.at <= instant }?.type ?? standard
    }

    /// The first instant after `instant` at which the local time type changes, and the type from then on.
    public func nextTransition(after instant: Int64) -> (at: Int64, type: LocalTimeType)? {
        let changes = changes(aroundYearOf: instant)
        var current = standard
        var index = 0
        while index < changes.count {
            // Changes at one instant act together: a rule that ends and restarts DST at once (all-year DST) stays on it.
            let at = changes[index].at
            var type = current
            while index < changes.count, changes[index].at == at {
                type = changes[index].type
                index += 1
            }
            // The window's last changes may lack their partner of the following year: they prove nothing.
            if at > instant, type != current, index < changes.count { return (at, type) }
            current = type
        }
        return nil
    }

    /// The DST starts and ends of the year before, of, and after the instant's year, in time order. At equal
    /// instants an end comes before a start, so that a rule that restarts DST when it ends stays on DST.
    func changes(aroundYearOf instant: Int64) -> [(at: Int64, type: LocalTimeType)] {
        guard let daylight else { return [] }
        let days = instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400
        let year = LocalDate(daysSince1970: Int(days)).year
        var result: [(at: Int64, type: LocalTimeType, order: Int)] = []
        for y in (year - 1)...(year + 2) {
            let start = Int64(daylight.start.date(in: y).daysSince1970) * 86_400
                + Int64(daylight.startTime - standard.utcOffset)
            let end = Int64(daylight.end.date(in: y).daysSince1970) * 86_400
                + Int64(daylight.endTime - daylight.type.utcOffset)
            result.append((start, daylight.type, 1))
            result.append((end, standard, 0))
        }
        return result.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.map { ($0.at, $0.type) }
    }
}
