import GRDB

/// Migration `v1-blocked-device`: devices an operator blocked. History: never edit once shipped.
enum BlockedDeviceTableV1 {
    @Sendable static func create(_ db: Database) throws {
        try db.create(table: "blocked_device", options: [.strict, .withoutRowID]) { t in
            t.primaryKey("mac", .text).check(sql: SessionTableV1.macPattern)
            // Milliseconds since 1970 (UTC), like every date of this database.
            t.column("blocked_at", .integer).notNull()
        }
    }
}
