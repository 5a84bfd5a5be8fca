import FoundationEssentials
import RelaisCore

extension AppDatabase: ConsentStore {
    /// Writes a consent given with an admission, inside `admit`'s transaction: the record, and the
    /// remembered device's keyed hash (a newer consent for the same device replaces the older link).
    static func recordConsent(_ db: SQLiteConnection, _ grant: ConsentGrant?) throws {
        guard let grant, !grant.purposes.isEmpty else { return }
        let insert = try db.cachedStatement("""
            INSERT INTO consent (granted_at, purposes, notice_version, notice_sha256, expires_at)
            VALUES (?, ?, ?, ?, ?) RETURNING id
            """)
        try insert.bind(grant.grantedAt.storeMilliseconds, at: 1)
        try insert.bind(grant.purposes.joined(separator: " "), at: 2)
        try insert.bind(grant.noticeVersion, at: 3)
        try insert.bind(grant.noticeTextSHA256, at: 4)
        try insert.bind(grant.expiresAt.storeMilliseconds, at: 5)
        guard let id = try insert.fetchOne({ $0.int64(at: 0) }) ?? nil else { throw StoreError.invalidRow("consent.id") }
        guard let device = grant.rememberedDevice else { return }
        let remember = try db.cachedStatement("""
            INSERT INTO remembered_device (device_hash, consent_id, expires_at) VALUES (?, ?, ?)
            ON CONFLICT (device_hash) DO UPDATE SET consent_id = excluded.consent_id, expires_at = excluded.expires_at
            """)
        try remember.bind(device.deviceHash.bytes, at: 1)
        try remember.bind(id, at: 2)
        try remember.bind(device.expiresAt.storeMilliseconds, at: 3)
        try remember.execute()
    }

    public func rememberedConsent(for device: DeviceHash, at now: Date) async throws -> RememberedConsent? {
        let nowMs = now.storeMilliseconds
        return try await read("rememberedConsent") { db in
            let statement = try db.cachedStatement("""
                SELECT c.id, c.notice_version, r.expires_at FROM remembered_device r JOIN consent c ON c.id = r.consent_id
                WHERE r.device_hash = ? AND r.expires_at > ? AND c.withdrawn_at IS NULL
                """)
            try statement.bind(device.bytes, at: 1)
            try statement.bind(nowMs, at: 2)
            return try statement.fetchOne { row in
                guard let id = row.int64(at: 0), let version = row.string(at: 1), let expires = row.int64(at: 2) else {
                    throw StoreError.invalidRow("remembered_device")
                }
                return RememberedConsent(consentID: id, noticeVersion: version, expiresAt: Date(storeMilliseconds: expires))
            }
        }
    }

    public func withdrawConsents(of device: DeviceHash, at now: Date) async throws -> Int {
        let nowMs = now.storeMilliseconds
        return try await write("withdrawConsents") { db in
            let withdraw = try db.cachedStatement("""
                UPDATE consent SET withdrawn_at = MAX(?, granted_at)
                WHERE withdrawn_at IS NULL AND id IN (SELECT consent_id FROM remembered_device WHERE device_hash = ?)
                """)
            try withdraw.bind(nowMs, at: 1)
            try withdraw.bind(device.bytes, at: 2)
            try withdraw.execute()
            let withdrawn = Int(try db.integer("SELECT changes()") ?? 0)
            let forget = try db.cachedStatement("DELETE FROM remembered_device WHERE device_hash = ?")
            try forget.bind(device.bytes, at: 1)
            try forget.execute()
            return withdrawn
        }
    }

    /// Deletes at most `limit` rows past their retention at `now`: remembered devices first, then
    /// consent records (their remembered device goes with them). Returns how many rows went; call again
    /// until it returns less than `limit` (the purge job runs it in bounded batches).
    public func purgeExpiredConsents(now: Date, limit: Int) async throws -> Int {
        let nowMs = now.storeMilliseconds
        return try await write("purgeExpiredConsents") { db in
            let devices = try db.cachedStatement("""
                DELETE FROM remembered_device WHERE device_hash IN
                    (SELECT device_hash FROM remembered_device WHERE expires_at <= ? LIMIT ?)
                """)
            try devices.bind(nowMs, at: 1)
            try devices.bind(limit, at: 2)
            try devices.execute()
            let deletedDevices = Int(try db.integer("SELECT changes()") ?? 0)
            guard deletedDevices < limit else { return deletedDevices }
            let consents = try db.cachedStatement("""
                DELETE FROM consent WHERE id IN (SELECT id FROM consent WHERE expires_at <= ? LIMIT ?)
                """)
            try consents.bind(nowMs, at: 1)
            try consents.bind(limit - deletedDevices, at: 2)
            try consents.execute()
            return deletedDevices + Int(try db.integer("SELECT changes()") ?? 0)
        }
    }
}

extension AppDatabase {
    /// How many rows `purgeExpiredConsents(now:limit:)` would remove at `now` (`relais purge --dry-run`).
    public func countExpiredConsents(now: Date) async throws -> Int {
        let nowMs = now.storeMilliseconds
        return try await read("countExpiredConsents") { db in
            let statement = try db.cachedStatement("""
                SELECT (SELECT count(*) FROM remembered_device WHERE expires_at <= ?1)
                     + (SELECT count(*) FROM consent WHERE expires_at <= ?1)
                """)
            try statement.bind(nowMs, at: 1)
            return Int(try statement.fetchOne { $0.int64(at: 0) ?? 0 } ?? 0)
        }
    }

    public func rememberedDevices(at now: Date) async throws -> [DeviceHash: Date] {
        let nowMs = now.storeMilliseconds
        return try await read("rememberedDevices") { db in
            let statement = try db.cachedStatement("""
                SELECT r.device_hash, r.expires_at FROM remembered_device r JOIN consent c ON c.id = r.consent_id
                WHERE r.expires_at > ? AND c.withdrawn_at IS NULL
                """)
            try statement.bind(nowMs, at: 1)
            var devices: [DeviceHash: Date] = [:]
            for (hash, expires) in try statement.fetchAll({ row in
                guard let hash = row.blob(at: 0), let expires = row.int64(at: 1) else { throw StoreError.invalidRow("remembered_device") }
                return (DeviceHash(bytes: hash), Date(storeMilliseconds: expires))
            }) { devices[hash] = expires }
            return devices
        }
    }
}
