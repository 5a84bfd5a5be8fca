import FoundationEssentials
import Logging
import RelaisCore

/// The day boundary's report: at local midnight, yesterday's report (and any day missed while the box was
/// off) is built from the usage aggregates, signed, and stored in the outbox before anything is sent.
public struct DailyReportJob: Sendable {
    let builder: DailyReportBuilder
    /// The usage aggregates of the local days `from...through`.
    let usage: @Sendable (LocalDate, LocalDate) async throws -> [UsageIncrement]
    /// The help offer's figures of a day, when that part is present (nil: read from the usage stream).
    let helpOffer: @Sendable (LocalDate) async -> HelpOfferFigures?
    let outbox: any OutboxStore
    let signer: any ReportSigner
    let clocks: any Clocks
    let logger: Logger
    /// How far back a box that was off catches up (the usage aggregates are kept longer).
    let catchUpDays: Int
    /// Nothing is built while the wall clock is implausible (a box booting in 1970 would report 1969).
    let plausibility: ClockPlausibility?

    public init(builder: DailyReportBuilder, usage: @escaping @Sendable (LocalDate, LocalDate) async throws -> [UsageIncrement],
                helpOffer: @escaping @Sendable (LocalDate) async -> HelpOfferFigures? = { _ in nil },
                outbox: any OutboxStore, signer: any ReportSigner, clocks: any Clocks, logger: Logger, catchUpDays: Int = 62,
                plausibility: ClockPlausibility? = nil) {
        self.builder = builder
        self.usage = usage
        self.helpOffer = helpOffer
        self.outbox = outbox
        self.signer = signer
        self.clocks = clocks
        self.logger = logger
        self.catchUpDays = max(1, catchUpDays)
        self.plausibility = plausibility
    }

    /// Stores the reports of the days after the last one stored, up to the day before `today`; returns their dates.
    @discardableResult
    public func run(today: LocalDate) async throws -> [LocalDate] {
        if let plausibility, !plausibility.isPlausible(clocks.wallNow()) { return [] }
        let yesterday = today.adding(days: -1)
        var first = try await outbox.latestDailyReportDate().map { $0.adding(days: 1) } ?? yesterday
        first = max(first, yesterday.adding(days: -(catchUpDays - 1)))
        guard first <= yesterday else { return [] }
        let rows = try await usage(first, yesterday)
        var stored: [LocalDate] = []
        var generator = SystemRandomNumberGenerator()
        var day = first
        while day <= yesterday {
            let report = builder.report(for: day, usage: rows, helpOffer: await helpOffer(day), using: &generator)
            let body = report.canonicalBytes
            let item = OutboxItem(reportID: report.reportID, kind: .dailyReport, period: day, body: body,
                                  signature: try signer.signature(for: body), createdAt: clocks.wallNow())
            if try await outbox.enqueue(item) { stored.append(day) }
            day = day.adding(days: 1)
        }
        logger.info("daily reports stored", metadata: ["push.days": "\(stored.count)", "push.last": "\(yesterday)"])
        return stored
    }
}

/// The "on duty now" status every few minutes, through the same outbox.
public struct DutyStatusJob: Sendable {
    let boxID: BoxID
    let onDuty: OnDutyNow
    let outbox: any OutboxStore
    let signer: any ReportSigner
    let clocks: any Clocks
    let plausibility: ClockPlausibility?

    public init(boxID: BoxID, onDuty: @escaping OnDutyNow, outbox: any OutboxStore, signer: any ReportSigner, clocks: any Clocks,
                plausibility: ClockPlausibility? = nil) {
        self.plausibility = plausibility
        self.boxID = boxID
        self.onDuty = onDuty
        self.outbox = outbox
        self.signer = signer
        self.clocks = clocks
    }

    public func run() async throws {
        let now = clocks.wallNow()
        if let plausibility, !plausibility.isPlausible(now) { return }
        let role = await onDuty(now)
        guard let status = DutyStatus(boxID: boxID, at: now, onDuty: role != nil, role: role) else { return }
        let body = status.canonicalBytes
        _ = try await outbox.enqueue(OutboxItem(reportID: status.reportID, kind: .dutyStatus, period: nil, body: body,
                                                signature: try signer.signature(for: body), createdAt: now))
    }
}
