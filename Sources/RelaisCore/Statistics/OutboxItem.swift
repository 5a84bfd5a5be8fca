import struct FoundationEssentials.Date

/// What the outbox holds.
public enum OutboxKind: String, Sendable, CaseIterable {
    case dailyReport = "daily-report"
    case dutyStatus = "duty-status"
}

/// Where an outbox item stands.
public enum OutboxState: String, Sendable, CaseIterable {
    /// Waiting to be sent, or to be sent again.
    case pending
    /// The collector acknowledged it: never sent again.
    case acknowledged
    /// The collector refused it for good (a 4xx other than 408 and 429); kept for the operator, not retried.
    case failed
    /// A newer duty status replaced it before it left: an old "on duty now" is no news.
    case superseded
}

/// A signed report waiting in (or gone from) the durable outbox.
public struct OutboxItem: Sendable, Equatable {
    public let reportID: String
    public let kind: OutboxKind
    /// The local day of a daily report; nil for a duty status.
    public let period: LocalDate?
    /// The exact bytes that were signed and are sent.
    public let body: [UInt8]
    /// Ed25519 over `body`, 64 bytes.
    public let signature: [UInt8]
    public let createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var state: OutboxState
    public var acknowledgedAt: Date?
    /// The last HTTP status received (nil: none yet, or no answer).
    public var lastStatus: Int?

    public init(reportID: String, kind: OutboxKind, period: LocalDate?, body: [UInt8], signature: [UInt8], createdAt: Date,
                attempts: Int = 0, nextAttemptAt: Date? = nil, state: OutboxState = .pending, acknowledgedAt: Date? = nil,
                lastStatus: Int? = nil) {
        self.reportID = reportID
        self.kind = kind
        self.period = period
        self.body = body
        self.signature = signature
        self.createdAt = createdAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt ?? createdAt
        self.state = state
        self.acknowledgedAt = acknowledgedAt
        self.lastStatus = lastStatus
    }
}

/// The durable outbox (SQLite in production): stored before sent, marked only on the collector's answer.
public protocol OutboxStore: Sendable {
    /// Stores `item` unless its report id is there already; true when stored. A duty status marks the pending
    /// duty statuses before it superseded, in the same transaction.
    func enqueue(_ item: OutboxItem) async throws -> Bool
    /// The oldest pending item (the head: items leave in the order they were stored).
    func nextPending() async throws -> OutboxItem?
    /// The collector acknowledged `reportID`.
    func markAcknowledged(_ reportID: String, at: Date, status: Int) async throws
    /// A failure worth retrying: one more attempt, the next one not before `next`.
    func markRetry(_ reportID: String, next: Date, status: Int?) async throws
    /// A refusal for good.
    func markFailed(_ reportID: String, status: Int) async throws
    /// The latest local day with a daily report in the outbox, whatever its state.
    func latestDailyReportDate() async throws -> LocalDate?
}

/// Signs report bytes with the box's key (Ed25519 in production).
public protocol ReportSigner: Sendable {
    func signature(for message: [UInt8]) throws -> [UInt8]
}
