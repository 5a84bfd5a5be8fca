/// Migration `collector-v1-duty-status`: the latest "on duty now" of each box. History: never edit once shipped.
///
/// - Category: anonymous (yes/no and a role label such as `conseiller-numerique`, never a name).
/// - Purpose: tell neighbouring boxes where someone can help right now (issue 11's directory feed).
/// - Legal basis: GDPR art. 6(1)(e), public task; the content itself is not personal data.
/// - Retention: one row per box, replaced by each newer status; no history is kept.
enum CollectorDutyStatusTableV1 {
    static let sql = """
        CREATE TABLE collector_duty_status (
            box_id TEXT PRIMARY KEY REFERENCES collector_box (id),
            at INTEGER NOT NULL,
            on_duty INTEGER NOT NULL CHECK (on_duty IN (0, 1)),
            role TEXT CHECK (role IS NULL OR (length(role) BETWEEN 1 AND 64 AND role NOT GLOB '*[^a-z0-9-]*')),
            received_at INTEGER NOT NULL
        ) STRICT;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
