import struct Foundation.Date
import GRDB
import RelaisCore

/// A row of the `blocked_device` table: a device an operator blocked, and since when.
struct BlockedDeviceRecord: Sendable, Equatable {
    var mac: MACAddress
    var blockedAt: Date

    enum Columns {
        static let mac = Column("mac")
        static let blockedAt = Column("blocked_at")
    }
}

extension BlockedDeviceRecord: FetchableRecord {
    init(row: Row) throws {
        let macText: String = try row.decode(forColumn: Columns.mac)
        guard let mac = MACAddress(macText) else { throw StoreError.invalidRow("blocked_device.mac") }
        self.mac = mac
        blockedAt = Date(storeMilliseconds: try row.decode(forColumn: Columns.blockedAt))
    }
}

extension BlockedDeviceRecord: TableRecord {
    static let databaseTableName = "blocked_device"
}

extension BlockedDeviceRecord {
    /// Inserts the row unless the device is already blocked, which keeps the first block date.
    /// (`INSERT OR IGNORE` would also silently skip a row failing a CHECK; `ON CONFLICT` only skips
    /// the duplicate.)
    func insertIfAbsent(_ db: Database) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO blocked_device (mac, blocked_at) VALUES (?, ?) ON CONFLICT (mac) DO NOTHING
            """)
        try statement.execute(arguments: [mac.description, blockedAt.storeMilliseconds])
    }

    /// Deletes the row of `mac`, if any.
    static func delete(_ db: Database, mac: MACAddress) throws {
        let statement = try db.cachedStatement(sql: "DELETE FROM blocked_device WHERE mac = ?")
        try statement.execute(arguments: [mac.description])
    }
}
