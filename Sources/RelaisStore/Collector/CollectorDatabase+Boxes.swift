import FoundationEssentials
import RelaisCore

extension CollectorDatabase {
    /// Registers `box`; false when a box with that id exists already (nothing changed).
    public func addBox(_ box: CollectorBox) async throws -> Bool {
        try await write("addBox") { db in
            let insert = try db.cachedStatement("""
                INSERT INTO collector_box (id, site_name, commune, insee_code, epci, latitude, longitude, public_key,
                    registered_at, revoked_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
                """)
            try insert.bind(box.id.rawValue, at: 1)
            try insert.bind(box.siteName, at: 2)
            try insert.bind(box.commune, at: 3)
            try insert.bind(box.inseeCode, at: 4)
            try insert.bind(box.epci, at: 5)
            try insert.bind(box.latitude, at: 6)
            try insert.bind(box.longitude, at: 7)
            try insert.bind(box.publicKey, at: 8)
            try insert.bind(box.registeredAt.storeMilliseconds, at: 9)
            try insert.bind(box.revokedAt?.storeMilliseconds, at: 10)
            try insert.execute()
            return db.changedRowCount == 1
        }
    }

    /// The box registered as `id`, revoked or not.
    public func box(_ id: BoxID) async throws -> CollectorBox? {
        try await read("box") { db in
            let select = try db.cachedStatement("SELECT \(Self.boxColumns) FROM collector_box WHERE id = ?")
            try select.bind(id.rawValue, at: 1)
            return try select.fetchOne(Self.collectorBox)
        }
    }

    /// Every box, by id.
    public func boxes() async throws -> [CollectorBox] {
        try await read("boxes") { db in
            try db.cachedStatement("SELECT \(Self.boxColumns) FROM collector_box ORDER BY id").fetchAll(Self.collectorBox)
        }
    }

    /// Revokes `id` from `at` on: its pushes are refused from then. False when no such box, or revoked already.
    public func revokeBox(_ id: BoxID, at: Date) async throws -> Bool {
        try await write("revokeBox") { db in
            let update = try db.cachedStatement("UPDATE collector_box SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
            try update.bind(at.storeMilliseconds, at: 1)
            try update.bind(id.rawValue, at: 2)
            try update.execute()
            return db.changedRowCount == 1
        }
    }

    static let boxColumns = """
        id, site_name, commune, insee_code, epci, latitude, longitude, public_key, registered_at, revoked_at
        """

    @Sendable static func collectorBox(_ row: SQLiteStatement) throws -> CollectorBox {
        guard let id = row.string(at: 0).flatMap(BoxID.init), let site = row.string(at: 1), let commune = row.string(at: 2),
              let insee = row.string(at: 3), let epci = row.string(at: 4), let latitude = row.double(at: 5),
              let longitude = row.double(at: 6), let key = row.blob(at: 7), let registered = row.int64(at: 8)
        else { throw StoreError.invalidRow("collector_box") }
        return CollectorBox(id: id, siteName: site, commune: commune, inseeCode: insee, epci: epci, latitude: latitude,
                            longitude: longitude, publicKey: key, registeredAt: Date(storeMilliseconds: registered),
                            revokedAt: row.int64(at: 9).map(Date.init(storeMilliseconds:)))
    }
}
