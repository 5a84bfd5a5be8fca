/// Migration `collector-v1-cell`: the values of each report's tables, one row per published value, for the
/// dashboard and the exports. History: never edit once shipped.
///
/// - Category: anonymous aggregates. `value` is NULL where the box suppressed the value: a suppressed
///   value never reaches the collector, and none is ever stored or derived here.
/// - Purpose: the département's figures per site, EPCI and day (issue 11).
/// - Legal basis: GDPR art. 6(1)(e), public task; the content itself is not personal data.
/// - Retention: as its report (`collector_report`, 6 years); deleted with it.
///
/// Keys: `row_key` is the table's row (a bucket such as `under-5m`, or `*` for a column total), `hour` the
/// wall hour 0…23 or NULL for a row total; (`*`, NULL) is the table's grand total. `weekday` is the date's
/// (1 Monday … 7 Sunday), kept for the hour × weekday heat map.
enum CollectorCellTableV1 {
    static let sql = """
        CREATE TABLE collector_cell (
            report_seq INTEGER NOT NULL REFERENCES collector_report (seq) ON DELETE CASCADE,
            box_id TEXT NOT NULL,
            local_date TEXT NOT NULL,
            weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
            table_name TEXT NOT NULL CHECK (length(table_name) BETWEEN 1 AND 64),
            row_key TEXT NOT NULL CHECK (length(row_key) BETWEEN 1 AND 64),
            hour INTEGER CHECK (hour BETWEEN 0 AND 23),
            value INTEGER CHECK (value >= 0)
        ) STRICT;
        CREATE INDEX collector_cell_report ON collector_cell (report_seq);
        CREATE INDEX collector_cell_date ON collector_cell (local_date, table_name);
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
