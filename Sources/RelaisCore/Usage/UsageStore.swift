/// Where the usage stream's hourly aggregates are kept.
public protocol UsageStore: Sendable {
    /// Adds the increments to the hourly aggregates in one transaction, once: a batch whose `batchID` was
    /// already applied is skipped, so retrying a flush whose answer was lost never counts twice.
    func addUsage(_ increments: [UsageIncrement], batchID: String) async throws
}
