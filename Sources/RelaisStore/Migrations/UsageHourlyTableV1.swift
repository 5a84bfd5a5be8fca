/// Migration `v6-usage-hourly`: the anonymous usage stream's hourly aggregates. History: never edit once shipped.
///
/// - Category: anonymous usage aggregates (no identifier of any kind: counts per local hour and metric).
/// - Purpose: figures for the département's evaluation of its digital-inclusion strategy (issue 11's reports).
/// - Legal basis: GDPR art. 6(1)(e), public task; the aggregates themselves are not personal data.
/// - Retention: 730 days after the hour counted (`RetentionPolicy.usageAggregateDays`), purged by day.
///
/// `usage_flush` remembers which flushes were applied, so that a retried flush never counts twice; its
/// rows hold a random batch identifier and a time, nothing about anyone, and go after a day.
enum UsageHourlyTableV1 {
    static let sql = """
        CREATE TABLE usage_hourly (
            day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
            hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
            -- A counter name, never free text: lower-case letters, digits, dots and dashes.
            metric TEXT NOT NULL CHECK (length(metric) BETWEEN 1 AND 64 AND metric NOT GLOB '*[^a-z0-9.-]*'),
            count INTEGER NOT NULL CHECK (count >= 0),
            PRIMARY KEY (day, hour, metric)
        ) WITHOUT ROWID, STRICT;
        CREATE TABLE usage_flush (
            batch_id TEXT NOT NULL PRIMARY KEY CHECK (length(batch_id) BETWEEN 1 AND 64),
            applied_at INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
