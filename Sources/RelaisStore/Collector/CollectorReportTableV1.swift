/// Migration `collector-v1-report`: each signed report received, stored once by its report id. History:
/// never edit once shipped.
///
/// - Category: anonymous aggregates (the box suppressed its small cells before signing).
/// - Purpose: the département's evaluation of its digital-inclusion strategy; the exact signed bytes are
///   kept so that any figure can be traced back to a report its box signed.
/// - Legal basis: GDPR art. 6(1)(e), public task; the content itself is not personal data.
/// - Retention: 6 years (a strategy's term plus its evaluation), then deleted by the operator.
enum CollectorReportTableV1 {
    static let sql = """
        CREATE TABLE collector_report (
            seq INTEGER PRIMARY KEY,
            report_id TEXT NOT NULL UNIQUE CHECK (length(report_id) BETWEEN 1 AND 200 AND report_id NOT GLOB '*[^a-z0-9.-]*'),
            box_id TEXT NOT NULL REFERENCES collector_box (id),
            kind TEXT NOT NULL CHECK (kind IN ('daily-report')),
            local_date TEXT NOT NULL CHECK (local_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
            received_at INTEGER NOT NULL,
            body BLOB NOT NULL CHECK (length(body) BETWEEN 1 AND 1048576)
        ) STRICT;
        CREATE INDEX collector_report_box_date ON collector_report (box_id, local_date);
        CREATE INDEX collector_report_date ON collector_report (local_date);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
