/// Migration `v9-outbox`: signed reports waiting for the département's collector. History: never edit once shipped.
///
/// - Category: anonymous aggregates (daily reports, small cells already suppressed) and the service's
///   "on duty now" status (yes/no and a role label, never a name). No personal data.
/// - Purpose: deliver the figures of the département's evaluation (issue 11) once each, in order, across
///   power cuts and weeks offline.
/// - Legal basis: GDPR art. 6(1)(e), public task; the content itself is not personal data.
/// - Retention: pending rows until acknowledged or refused; acknowledged, refused and superseded rows 90 days
///   after their creation (`purgeOutbox`), the collector keeping the reports.
///
/// `seq` is the order of storage, which is the order of sending; `report_id` is unique, so enqueuing the
/// same report twice stores it once.
enum OutboxTableV1 {
    static let sql = """
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL UNIQUE CHECK (length(report_id) BETWEEN 1 AND 200 AND report_id NOT GLOB '*[^a-z0-9.-]*'),
            kind TEXT NOT NULL CHECK (kind IN ('daily-report', 'duty-status')),
            period TEXT CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            body BLOB NOT NULL CHECK (length(body) BETWEEN 1 AND 1048576),
            signature BLOB NOT NULL CHECK (length(signature) = 64),
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
            next_attempt_at INTEGER NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acknowledged', 'failed', 'superseded')),
            acknowledged_at INTEGER,
            last_status INTEGER CHECK (last_status BETWEEN 100 AND 599),
            CHECK ((state = 'acknowledged') = (acknowledged_at IS NOT NULL)),
            CHECK ((kind = 'daily-report') = (period IS NOT NULL))
        ) STRICT;
        CREATE INDEX outbox_pending ON outbox (seq) WHERE state = 'pending';
        CREATE INDEX outbox_daily_period ON outbox (period) WHERE kind = 'daily-report';
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
