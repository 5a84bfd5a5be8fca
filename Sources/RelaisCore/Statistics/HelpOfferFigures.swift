/// The help offer's figures for one local day, per wall hour: fed by the help-offer slices (help requests,
/// the roster, the kiosk). Each is optional: a box without that part sends no table for it.
public struct HelpOfferFigures: Sendable, Equatable {
    /// Help requests visitors made, per hour.
    public var requestsMade: [Int: Int]?
    /// Help requests an aidant took, per hour.
    public var requestsTaken: [Int: Int]?
    /// Kiosk page views, per hour.
    public var kioskViews: [Int: Int]?
    /// The hours in which an aidant was on duty (a fact about the service, not about visitors).
    public var onDutyHours: Set<Int>?

    public init(requestsMade: [Int: Int]? = nil, requestsTaken: [Int: Int]? = nil, kioskViews: [Int: Int]? = nil,
                onDutyHours: Set<Int>? = nil) {
        self.requestsMade = requestsMade
        self.requestsTaken = requestsTaken
        self.kioskViews = kioskViews
        self.onDutyHours = onDutyHours
    }

    /// Counter names the help offer may record in the usage stream; `init(usage:)` reads them.
    public static let requestsMadeMetric = UsageMetric("help.requests-made")!
    public static let requestsTakenMetric = UsageMetric("help.requests-taken")!
    public static let kioskViewsMetric = UsageMetric("kiosk.views")!
    public static let onDutyMetric = UsageMetric("duty.on")!

    /// The figures found in a day's usage aggregates under the names above; a figure never recorded stays nil.
    public init(usage: [UsageIncrement]) {
        func perHour(_ metric: UsageMetric) -> [Int: Int]? {
            let rows = usage.filter { $0.metric == metric }
            return rows.isEmpty ? nil : Dictionary(rows.map { ($0.hour.hour, $0.amount) }, uniquingKeysWith: +)
        }
        self.init(requestsMade: perHour(Self.requestsMadeMetric), requestsTaken: perHour(Self.requestsTakenMetric),
                  kioskViews: perHour(Self.kioskViewsMetric),
                  onDutyHours: perHour(Self.onDutyMetric).map { Set($0.filter { $0.value > 0 }.keys) })
    }
}
