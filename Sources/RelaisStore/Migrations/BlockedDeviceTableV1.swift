/// Migration `v1-blocked-device`: devices an operator blocked. History: never edit once shipped.
enum BlockedDeviceTableV1 {
    // `blocked_at`: milliseconds since 1970 (UTC), like every date of this database.
    static let sql = """
        CREATE TABLE blocked_device (
            mac TEXT NOT NULL PRIMARY KEY CHECK (\(SessionTableV1.macPattern)),
            blocked_at INTEGER NOT NULL
        ) WITHOUT ROWID, STRICT;
        """

    @Sendable static func create(_ connection: SQLiteConnection) throws {
        try connection.execute(sql)
    }
}
