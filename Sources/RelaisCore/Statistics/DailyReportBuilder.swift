import struct FoundationEssentials.Date

/// Builds a day's report from the usage stream's hourly aggregates of that local day (and the help offer's
/// figures when there are some): tables by hour, optional noise, then small-cell suppression.
public struct DailyReportBuilder: Sendable {
    public let boxID: BoxID
    public let zone: TimeZoneRules
    public let threshold: SuppressionThreshold
    public let noise: LaplaceNoise?
    /// The configured optional purposes: one row each in the consent table, even on a day nobody consented.
    public let consentPurposes: [String]

    public init(boxID: BoxID, zone: TimeZoneRules, threshold: SuppressionThreshold = .standard, noise: LaplaceNoise? = nil,
                consentPurposes: [String] = []) {
        self.boxID = boxID
        self.zone = zone
        self.threshold = threshold
        self.noise = noise
        self.consentPurposes = consentPurposes
    }

    /// The report of `date`; `usage` may hold other days' rows, they are ignored. `helpOffer` nil reads the
    /// help offer's counters from the usage stream (`HelpOfferFigures(usage:)`).
    public func report(for date: LocalDate, usage: [UsageIncrement], helpOffer: HelpOfferFigures? = nil,
                       using generator: inout some RandomNumberGenerator) -> DailyReport {
        let day = usage.filter { $0.hour.date == date }
        let hours = wallHours(of: date)
        func single(_ name: String, _ metric: UsageMetric) -> CountTable {
            var table = CountTable(name: name, rows: ["all"], columns: hours)
            for row in day where row.metric == metric { table.add(row.amount, row: "all", hour: row.hour.hour) }
            return table
        }
        func fromHours(_ name: String, _ counts: [Int: Int]) -> CountTable {
            var table = CountTable(name: name, rows: ["all"], columns: hours)
            for (hour, count) in counts { table.add(count, row: "all", hour: hour) }
            return table
        }
        var tables = [single("sessions.started", .sessionsStarted), single("devices.distinct", .devicesFirstSeen)]
        var durations = CountTable(name: "sessions.duration", rows: DurationBucket.allCases.map(\.rawValue), columns: hours)
        for bucket in DurationBucket.allCases {
            for row in day where row.metric == .duration(bucket) { durations.add(row.amount, row: bucket.rawValue, hour: row.hour.hour) }
        }
        tables.append(durations)
        tables.append(single("help.views", .helpPageViews))
        let found = day.compactMap { $0.metric.name.hasPrefix("consent.") ? String($0.metric.name.dropFirst(8)) : nil }
        let purposes = Array(Set(consentPurposes + found)).sorted()
        if !purposes.isEmpty {
            var consents = CountTable(name: "consent", rows: purposes, columns: hours)
            for row in day where row.metric.name.hasPrefix("consent.") {
                consents.add(row.amount, row: String(row.metric.name.dropFirst(8)), hour: row.hour.hour)
            }
            tables.append(consents)
        }
        let offer = helpOffer ?? HelpOfferFigures(usage: day)
        if let made = offer.requestsMade { tables.append(fromHours("help.requests-made", made)) }
        if let taken = offer.requestsTaken { tables.append(fromHours("help.requests-taken", taken)) }
        if let views = offer.kioskViews { tables.append(fromHours("kiosk.views", views)) }

        var published = tables.map { table in
            let noisy = noise.map { $0.apply(to: table, using: &generator) } ?? table
            return SmallCellSuppression.apply(noisy, threshold: threshold)
        }
        if let duty = offer.onDutyHours {
            // Hours of service, not visitors: published as they are, never noised.
            published.append(PublishedTable(unsuppressed: fromHours("duty.hours", Dictionary(duty.map { ($0, 1) }, uniquingKeysWith: max))))
        }
        return DailyReport(boxID: boxID, date: date, timeZone: zone.name, hoursInDay: zone.lengthOfDay(date) / 3600,
                           threshold: threshold, epsilon: noise?.epsilon,
                           epsilonTotal: noise.map { $0.epsilon * Double(tables.count) }, tables: published)
    }

    /// The wall hours 0…23 that the day shows at least once (the spring DST day has no 02h in Paris).
    func wallHours(of date: LocalDate) -> [Int] {
        let start = zone.startOfDay(date)
        let length = zone.lengthOfDay(date)
        var hours = Set<Int>()
        // Every quarter hour: offsets change on quarter hours in every zone in use.
        for quarter in stride(from: 0, to: length, by: 900) {
            let local = zone.localDateTime(at: start.addingTimeInterval(Double(quarter)))
            if local.date == date { hours.insert(local.time.hour) }
        }
        return hours.sorted()
    }
}
