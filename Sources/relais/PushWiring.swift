import FoundationEssentials
import Logging
import RelaisConfig
import RelaisCore
import RelaisCrypto
import RelaisPush
import RelaisStore
import RelaisTime

/// The statistics push in `serve`: when `[push]` is enabled, the day-boundary report (and the catch-up of
/// missed days), the "on duty now" status and the outbox sender, all on the scheduler.
enum PushWiring {
    /// `onDuty` is the roster's answer: the role on duty now (never a name), or nil.
    /// The signing key is read from `keys` (systemd's credentials, else the key directory), like the legal ring.
    static func schedule(on scheduler: inout Scheduler, config: RelaisConfig, keys: KeyDirectory, database: AppDatabase, zone: TimeZoneRules,
                         plausibility: ClockPlausibility, onDuty: @escaping OnDutyNow = { _ in nil }, logger: Logger) {
        let push = config.push
        guard push.enabled else { return }
        guard let box = BoxID(push.boxID) else { return }
        let signer: Ed25519Signer
        do {
            signer = try keys.reportSigner()
        } catch {
            // The portal runs without the push rather than not at all; the figures wait in the usage aggregates.
            logger.error("statistics push disabled: no usable signing key (relais keys init)", metadata: ["push.error": "\(error)"])
            return
        }
        let clocks = SystemClocks()
        let builder = DailyReportBuilder(boxID: box, zone: zone, threshold: push.threshold, noise: push.noise)
        let job = DailyReportJob(builder: builder, usage: { try await database.usage(from: $0, through: $1) },
                                 outbox: database, signer: signer, clocks: clocks, logger: logger, plausibility: plausibility)
        let duty = DutyStatusJob(boxID: box, onDuty: onDuty, outbox: database, signer: signer, clocks: clocks, plausibility: plausibility)
        let transport = HTTPSCollectorTransport(collectorURL: push.collectorURL, boxID: box, client: CurlHTTPSClient(caFile: push.caFile))
        let sender = OutboxSender(outbox: database, transport: transport, clocks: clocks, logger: logger)
        // After the usage stream's own midnight job (registered before), so yesterday's counts are flushed.
        scheduler.daily(at: .midnight, named: "daily-report") { run in
            if let today = run.localDate { try await job.run(today: today) }
        }
        // At start and hourly: the days missed while the box was off or its clock wrong (idempotent).
        scheduler.every(.seconds(3600), startingNow: true, named: "daily-report-catch-up") { _ in
            try await job.run(today: zone.localDate(at: clocks.wallNow()))
        }
        scheduler.every(.seconds(push.dutyStatusSeconds), startingNow: true, named: "duty-status") { _ in try await duty.run() }
        scheduler.every(.seconds(60), named: "outbox-send") { _ in try await sender.sendDue() }
    }
}
