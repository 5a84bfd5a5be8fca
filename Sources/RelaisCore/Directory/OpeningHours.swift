/// A place's opening hours: the subset of OpenStreetMap's `opening_hours` syntax that the national
/// schema of places of digital help uses (weekdays, time ranges, `PH`, `off`, `24/7`, comments).
///
/// Rules apply from left to right. A rule after `;` replaces the hours of the days it selects; a rule
/// after `,` adds to them; `off` with times closes only those times. A range past midnight
/// (`22:00-02:00`, or `22:00-26:00`) belongs to the day it starts, so a later rule for the next day does
/// not cut it. Parse with `OpeningHours(parsing:)`, evaluate with `status(at:in:)`.
public struct OpeningHours: Sendable, Hashable {
    /// The text as written in the file.
    public let text: String
    public let rules: [Rule]

    /// One rule: which days, which times, open or closed, and an optional comment.
    public struct Rule: Sendable, Hashable {
        /// Weekdays it selects; all seven when the rule names no day.
        public var weekdays: Set<Weekday>
        /// True when it selects public holidays (`PH`).
        public var publicHolidays: Bool
        /// Time ranges; empty means the whole day.
        public var spans: [TimeSpan]
        public var state: State
        /// The text between double quotes, if any.
        public var comment: String?
        /// True for a rule that follows `,`: it adds to the earlier rules instead of replacing them.
        public var isAdditional: Bool

        public init(weekdays: Set<Weekday>, publicHolidays: Bool, spans: [TimeSpan], state: State,
                    comment: String? = nil, isAdditional: Bool = false) {
            self.weekdays = weekdays
            self.publicHolidays = publicHolidays
            self.spans = spans
            self.state = state
            self.comment = comment
            self.isAdditional = isAdditional
        }

        /// Whether the rule applies to a day that is `weekday`, and a public holiday or not.
        func selects(_ weekday: Weekday, isHoliday: Bool) -> Bool {
            weekdays.contains(weekday) || (publicHolidays && isHoliday)
        }
    }

    /// Whether a rule opens or closes its times; `unknown` is a rule with only a comment.
    public enum State: Sendable, Hashable {
        case open, closed, unknown
    }

    /// Minutes from the start of the day the range belongs to, `end` after `start` and at most 2880 (48:00):
    /// a range past midnight ends on the next day. A parsed range starts before 24:00.
    public struct TimeSpan: Sendable, Hashable, Comparable {
        public let start: Int
        public let end: Int

        public init?(start: Int, end: Int) {
            guard start >= 0, end > start, end <= 2880 else { return nil }
            self.start = start
            self.end = end
        }

        public static let wholeDay = TimeSpan(start: 0, end: 1440)!

        public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { (lhs.start, lhs.end) < (rhs.start, rhs.end) }
    }

    public init(text: String, rules: [Rule]) {
        self.text = text
        self.rules = rules
    }

    /// True when the value says nothing but comments: no time can be evaluated.
    public var isCommentOnly: Bool { rules.allSatisfy { $0.state == .unknown } }

    /// The comments of the rules, in order (« sur rendez-vous »).
    public var comments: [String] { rules.compactMap(\.comment) }

    /// The ranges of `date` itself (those starting that day), after every rule.
    func spans(on date: LocalDate) -> [TimeSpan] {
        spans(on: date.weekday, publicHoliday: FrenchPublicHolidays.contains(date))
    }

    /// The ranges of a day that is `weekday`, and a public holiday or not, after every rule: what the
    /// weekly hours in words are made of.
    public func spans(on weekday: Weekday, publicHoliday: Bool) -> [TimeSpan] {
        var spans: [TimeSpan] = []
        for rule in rules where rule.state != .unknown && rule.selects(weekday, isHoliday: publicHoliday) {
            switch rule.state {
            case .open:
                let added = rule.spans.isEmpty ? [TimeSpan.wholeDay] : rule.spans
                spans = rule.isAdditional ? spans + added : added
            case .closed:
                spans = rule.spans.isEmpty ? [] : Self.subtract(rule.spans, from: spans)
            case .unknown:
                break
            }
        }
        return Self.merged(spans)
    }

    /// `spans` without the minutes of `cut`.
    static func subtract(_ cut: [TimeSpan], from spans: [TimeSpan]) -> [TimeSpan] {
        var result = spans
        for hole in cut {
            result = result.flatMap { span -> [TimeSpan] in
                guard hole.start < span.end, span.start < hole.end else { return [span] }
                return [TimeSpan(start: span.start, end: hole.start), TimeSpan(start: hole.end, end: span.end)]
                    .compactMap { $0 }
            }
        }
        return result
    }

    /// Sorted, overlapping or touching ranges joined.
    static func merged(_ spans: [TimeSpan]) -> [TimeSpan] {
        var result: [TimeSpan] = []
        for span in spans.sorted() {
            if let last = result.last, span.start <= last.end {
                result[result.count - 1] = TimeSpan(start: last.start, end: max(last.end, span.end))!
            } else {
                result.append(span)
            }
        }
        return result
    }
}
