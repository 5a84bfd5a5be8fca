@testable import RelaisCore
import Testing

@Suite struct DailyReportBuilderTests {
    static let paris = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!
    static let box = BoxID("mediatheque-lannion")!
    static let day = LocalDate(year: 2026, month: 11, day: 17)!

    static func row(_ hour: Int, _ metric: UsageMetric, _ amount: Int, on date: LocalDate = day) -> UsageIncrement {
        UsageIncrement(hour: UsageHour(date: date, hour: hour)!, metric: metric, amount: amount)
    }

    /// A known day: 9h 12 sessions, 10h 30, 14h 4 (small), 15h 25; devices first seen alongside; durations by end hour.
    static let usage: [UsageIncrement] = [
        row(9, .sessionsStarted, 12), row(10, .sessionsStarted, 30), row(14, .sessionsStarted, 4), row(15, .sessionsStarted, 25),
        row(9, .devicesFirstSeen, 11), row(10, .devicesFirstSeen, 20), row(14, .devicesFirstSeen, 3), row(15, .devicesFirstSeen, 14),
        row(10, .duration(.under1Hour), 12), row(11, .duration(.under1Hour), 20), row(16, .duration(.under2Hours), 15),
        row(10, .helpPageViews, 40),
        row(10, UsageMetric.consent(purpose: "remember-device")!, 2),
        // Another day's rows are ignored.
        row(9, .sessionsStarted, 500, on: day.adding(days: 1)),
    ]

    func build(_ usage: [UsageIncrement] = usage, helpOffer: HelpOfferFigures? = nil, date: LocalDate = day,
               noise: LaplaceNoise? = nil) -> DailyReport {
        var generator = SeededGenerator(seed: 1)
        return DailyReportBuilder(boxID: Self.box, zone: Self.paris, noise: noise, consentPurposes: ["remember-device"])
            .report(for: date, usage: usage, helpOffer: helpOffer, using: &generator)
    }

    @Test func knownUsageStreamGivesKnownFigures() throws {
        let report = build()
        #expect(report.hoursInDay == 24)
        #expect(report.weekday == .tuesday)
        #expect(report.reportID == "daily-report.v1.mediatheque-lannion.2026-11-17")
        let sessions = try #require(report.table("sessions.started"))
        #expect(sessions.columns == Array(0...23))
        #expect(sessions.total == 71)
        #expect(sessions.cells[0][10] == 30 && sessions.cells[0][15] == 25 && sessions.cells[0][9] == 12)
        #expect(sessions.cells[0][14] == nil)  // 4 < 11.
        #expect(sessions.cells[0][3] == nil)  // 0 < 11: zeros are suppressed too.
        let devices = try #require(report.table("devices.distinct"))
        #expect(devices.total == 48)
        #expect(devices.cells[0][10] == 20 && devices.cells[0][15] == 14)
        let durations = try #require(report.table("sessions.duration"))
        #expect(durations.rows == DurationBucket.allCases.map(\.rawValue))
        #expect(durations.total == 47)
        #expect(report.table("help.views")?.total == 40)
        let consent = try #require(report.table("consent"))
        #expect(consent.rows == ["remember-device"] && consent.total == nil)
        // No help-offer figures were fed: no table for them.
        #expect(report.table("help.requests-made") == nil && report.table("duty.hours") == nil)
        #expect(report.epsilon == nil)
    }

    @Test func helpOfferFiguresWhenFed() throws {
        let report = build(helpOffer: HelpOfferFigures(requestsMade: [10: 12, 11: 3], requestsTaken: [10: 11],
                                                       kioskViews: [9: 60], onDutyHours: [9, 10, 11]))
        #expect(report.table("help.requests-made")?.cells[0][10] == 12)
        #expect(report.table("help.requests-made")?.cells[0][11] == nil)
        #expect(report.table("kiosk.views")?.total == 60)
        let duty = try #require(report.table("duty.hours"))
        #expect(duty.total == 3 && duty.cells[0][9] == 1 && duty.cells[0][12] == 0)
    }

    @Test func helpOfferCountersReadFromTheUsageStream() {
        let report = build(Self.usage + [Self.row(10, HelpOfferFigures.requestsMadeMetric, 13)])
        #expect(report.table("help.requests-made")?.total == 13)
    }

    @Test func springDSTDayHas23HoursAndNo2h() throws {
        let spring = LocalDate(year: 2026, month: 3, day: 29)!
        let report = build([Self.row(3, .sessionsStarted, 20, on: spring)], date: spring)
        #expect(report.hoursInDay == 23)
        let sessions = try #require(report.table("sessions.started"))
        #expect(sessions.columns == [0, 1] + Array(3...23))
        #expect(sessions.cells[0][2] == 20)  // Column index 2 is 03h.
    }

    @Test func autumnDSTDayHas25HoursIn24Columns() throws {
        let autumn = LocalDate(year: 2026, month: 10, day: 25)!
        let report = build([Self.row(2, .sessionsStarted, 20, on: autumn)], date: autumn)
        #expect(report.hoursInDay == 25)
        #expect(report.table("sessions.started")?.columns == Array(0...23))
        #expect(report.table("sessions.started")?.cells[0][2] == 20)
    }

    @Test func noiseIsRecordedAndReproducible() {
        let noisy = build(noise: LaplaceNoise(epsilon: 1))
        #expect(noisy.epsilon == 1)
        #expect(noisy.epsilonTotal == 5)  // Five noised breakdowns: sessions, devices, durations, help views, consents.
        #expect(noisy == build(noise: LaplaceNoise(epsilon: 1)))
        #expect(String(decoding: noisy.canonicalBytes, as: UTF8.self).contains(#""noise":{"epsilon":"1.0","epsilon_total":"5.0","mechanism":"laplace"}"#))
    }

    @Test func wireBytesAreDeterministicAndCarryNoSuppressedValue() {
        let bytes = build().canonicalBytes
        #expect(bytes == build().canonicalBytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"box_id":"mediatheque-lannion","noise":null,"period":{"date":"2026-11-17","hours":24,"time_zone":"Europe/Paris","weekday":2},"report_id":"daily-report.v1.mediatheque-lannion.2026-11-17","schema":"relais.daily-report","schema_version":1,"suppression":{"k":11,"secondary":true},"tables":["#))
        // 14h's 4 sessions travel as null, like the empty hours; 9h, 10h and 15h are shown.
        let nulls = { (n: Int) in Array(repeating: "null", count: n).joined(separator: ",") }
        #expect(text.contains(#"{"cells":[["# + nulls(9) + ",12,30," + nulls(4) + ",25," + nulls(8) + #"]],"column_totals":[],"#))
        #expect(!text.contains(" "))
    }
}
