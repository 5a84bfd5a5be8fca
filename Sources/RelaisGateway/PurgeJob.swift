import FoundationEssentials
import Logging
import RelaisCore

/// Removes every row past its retention, category by category (`RetentionPolicy`), at start and every
/// hour. Nothing is purged while the wall clock is implausible (a box booted in 1970 would keep a year
/// of log forever, and one set in the future would purge today's): the run waits for the next hour.
public struct PurgeJob: Sendable {
    /// What one run did.
    public struct Report: Sendable, Equatable {
        /// Rows removed per category.
        public var removed: [RetentionCategory.ID: Int] = [:]
        /// Categories whose step failed (the others ran).
        public var failed: [RetentionCategory.ID] = []
        /// True when the clock was implausible and nothing ran.
        public var skippedForClock = false
    }

    public let steps: [PurgeStep]
    let clocks: any Clocks
    let plausibility: ClockPlausibility
    let batchSize: Int
    let logger: Logger

    /// `batchSize`: rows per transaction; 500 short rows take about a millisecond, so a visitor's
    /// acceptance waits at most that long behind a batch.
    public init(steps: [PurgeStep], clocks: any Clocks, plausibility: ClockPlausibility, batchSize: Int = 500, logger: Logger) {
        precondition(Set(steps.map(\.category)).count == steps.count, "one purge step per category")
        self.steps = steps
        self.clocks = clocks
        self.plausibility = plausibility
        self.batchSize = max(1, batchSize)
        self.logger = logger
    }

    /// Runs every step once; a failing step is logged and the others still run.
    @discardableResult
    public func run() async -> Report {
        var report = Report()
        let now = clocks.wallNow()
        guard plausibility.isPlausible(now) else {
            report.skippedForClock = true
            logger.warning("purge skipped: the wall clock is not set yet", metadata: clockMetadata(now))
            return report
        }
        for step in steps {
            guard !Task.isCancelled else { break }
            do {
                report.removed[step.category] = try await step.run(now, batchSize)
            } catch {
                report.failed.append(step.category)
                logger.error("purge step failed", metadata: ["purge.category": "\(step.category.rawValue)", "error": "\(error)"])
            }
        }
        let total = report.removed.values.reduce(0, +)
        var metadata: Logger.Metadata = ["purge.removed": "\(total)"]
        for (category, removed) in report.removed where removed > 0 { metadata["purge.\(category.rawValue)"] = "\(removed)" }
        if total > 0 { logger.info("purge done", metadata: metadata) } else { logger.debug("purge done", metadata: metadata) }
        return report
    }

    /// Rows each category would lose now; nil where the step cannot count. Nothing is removed.
    public func dryRun() async throws -> [(category: RetentionCategory.ID, rows: Int?)] {
        let now = clocks.wallNow()
        var rows: [(category: RetentionCategory.ID, rows: Int?)] = []
        for step in steps { rows.append((step.category, try await step.count?(now))) }
        return rows
    }

    /// Whether a run now would purge.
    public var clockIsPlausible: Bool { plausibility.isPlausible(clocks.wallNow()) }

    func clockMetadata(_ now: Date) -> Logger.Metadata {
        ["clock.now": "\(Int(now.timeIntervalSince1970))", "clock.floor": "\(Int(plausibility.floor.timeIntervalSince1970))"]
    }
}
