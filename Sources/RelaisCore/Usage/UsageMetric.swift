/// The name of one anonymous counter of the usage stream, as stored in the hourly aggregates.
///
/// Names are short lower-case words with dots and dashes (`sessions.started`, `ended.idle`,
/// `consent.remember-device`): the store checks that pattern, so no free text, and so no identifier,
/// can ever become a counter name.
public struct UsageMetric: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let name: String

    /// Nil unless `name` is 1 to 64 characters of `a-z`, `0-9`, `.` and `-`.
    public init?(_ name: String) {
        guard (1...64).contains(name.utf8.count), name.utf8.allSatisfy(Self.isAllowed) else { return nil }
        self.name = name
    }

    private init(known name: String) { self.name = name }

    public var description: String { name }
    public static func < (lhs: UsageMetric, rhs: UsageMetric) -> Bool { lhs.name < rhs.name }

    static func isAllowed(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Visitors' sessions opened through the portal.
    public static let sessionsStarted = UsageMetric(known: "sessions.started")
    /// Visitors' sessions ended, whatever the reason.
    public static let sessionsEnded = UsageMetric(known: "sessions.ended")
    /// Devices seen for the first time of the local day in this hour: their sum over a day is the day's
    /// distinct devices (one daily key; a device is not followed from one day to the next).
    public static let devicesFirstSeen = UsageMetric(known: "devices.first-seen")
    /// Views of the help pages (the help offer's pages record them).
    public static let helpPageViews = UsageMetric(known: "help.views")
    /// Help requests visitors made (the daily report's `help.requests-made`).
    public static let helpRequestsMade = UsageMetric(known: "help.requests-made")
    /// Help requests an aidant took.
    public static let helpRequestsTaken = UsageMetric(known: "help.requests-taken")
    /// Kiosk screen views.
    public static let kioskViews = UsageMetric(known: "kiosk.views")
    /// Minutes with an aidant on duty (the report keeps only which hours had some).
    public static let onDutyMinutes = UsageMetric(known: "duty.on")

    /// Sessions ended for this reason (`ended.idle`, `ended.visitor-logout`…).
    public static func ended(_ reason: SessionEndReason) -> UsageMetric { UsageMetric(known: "ended." + reason.rawValue) }

    /// Sessions whose length fell in this bucket.
    public static func duration(_ bucket: DurationBucket) -> UsageMetric { UsageMetric(known: "duration." + bucket.rawValue) }

    /// Consents given for this purpose; nil when the purpose's identifier is not a valid counter word.
    public static func consent(purpose: String) -> UsageMetric? { UsageMetric("consent." + purpose) }
}
