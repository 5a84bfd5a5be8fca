import FoundationEssentials
import RelaisCore

/// A row of the `blocked_device` table: a device an operator blocked, and since when.
struct BlockedDeviceRecord: Sendable, Equatable {
    var mac: MACAddress
    var blockedAt: Date

    /// The column list `SELECT` uses, so that ``init(row:)`` reads by index.
    static let selection = "mac, blocked_at"
}

extension BlockedDeviceRecord {
    /// Decodes the current row of a statement that selected ``selection``.
    init(row: SQLiteStatement) throws {
        guard let macText = row.string(at: 0), let mac = MACAddress(macText) else {
            throw StoreError.invalidRow("blocked_device.mac")
        }
        guard let blockedAt = row.int64(at: 1) else { throw StoreError.invalidRow("blocked_device.blocked_at") }
        self.mac = mac
        self.blockedAt = Date(storeMilliseconds: blockedAt)
    }

    /// Every blocked device.
    static func fetchAll(_ db: SQLiteConnection) throws -> [BlockedDeviceRecord] {
        try db.cachedStatement("SELECT \(selection) FROM blocked_device").fetchAll(BlockedDeviceRecord.init(row:))
    }

    /// Inserts the row unless the device is already blocked, which keeps the first block date.
    /// (`INSERT OR IGNORE` would also silently skip a row failing a CHECK; `ON CONFLICT` only skips
    /// the duplicate.)
    func insertIfAbsent(_ db: SQLiteConnection) throws {
        let statement = try db.cachedStatement("""
            INSERT INTO blocked_device (mac, blocked_at) VALUES (?, ?) ON CONFLICT (mac) DO NOTHING
            """)
        try statement.bind(mac.description, at: 1)
        try statement.bind(blockedAt.storeMilliseconds, at: 2)
        try statement.execute()
    }

    /// Deletes the row of `mac`, if any.
    static func delete(_ db: SQLiteConnection, mac: MACAddress) throws {
        let statement = try db.cachedStatement("DELETE FROM blocked_device WHERE mac = ?")
        try statement.bind(mac.description, at: 1)
        try statement.execute()
    }
}
