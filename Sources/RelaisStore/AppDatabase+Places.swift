import RelaisCore

/// The directory of places of digital help: replaced as a whole, read as a whole.
extension AppDatabase: PlaceDirectory {
    /// Rows per staging transaction: about a millisecond each, so acceptances never wait behind an import.
    static let placeBatchSize = 500

    /// Replaces the whole directory with `places`, atomically: readers see the old directory until the
    /// new one is complete, never a mix. Whatever produced the places (a CSV import, the département's
    /// feed) checked them; the schema's constraints check them again at the swap, and on any failure the
    /// old directory stays. Ids must be unique.
    public func replaceDirectory(with places: [Place]) async throws {
        try await replaceAllRows("replaceDirectory", of: "place", items: places, batchSize: Self.placeBatchSize) { db, staging, slice in
            for place in slice { try PlaceRecord(place).insert(db, into: staging) }
        }
    }

    /// Every place of the current directory, by id.
    public func places() async throws -> [Place] {
        try await read("places") { db in
            try db.cachedStatement("SELECT \(PlaceRecord.columns) FROM place ORDER BY id")
                .fetchAll { try PlaceRecord(row: $0).place }
        }
    }
}
