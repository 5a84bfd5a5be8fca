import FoundationEssentials
import RelaisCore

/// Workshops (ateliers): listed, created, edited, deleted by agents. Each method is one transaction.
extension AppDatabase {
    static let workshopSelection = "id, title, starts_local, place, seats"

    public func workshops(from: LocalDateTime, limit: Int) async throws -> [Workshop] {
        try await read("workshops") { db in
            let statement = try db.cachedStatement("""
                SELECT \(Self.workshopSelection) FROM workshop WHERE starts_local >= ? ORDER BY starts_local, id LIMIT ?
                """)
            try statement.bind(from.description, at: 1)
            try statement.bind(max(0, limit), at: 2)
            return try statement.fetchAll(Self.workshop(row:))
        }
    }

    /// One workshop by id.
    public func workshop(id: Int64) async throws -> Workshop? {
        try await read("workshop") { db in
            let statement = try db.cachedStatement("SELECT \(Self.workshopSelection) FROM workshop WHERE id = ?")
            try statement.bind(id, at: 1)
            return try statement.fetchOne(Self.workshop(row:))
        }
    }

    /// Inserts the workshop (its id is ignored) and returns it with the id SQLite gave.
    public func addWorkshop(_ workshop: Workshop) async throws -> Workshop {
        try await write("addWorkshop") { db in
            let statement = try db.cachedStatement("""
                INSERT INTO workshop (title, starts_local, place, seats) VALUES (?, ?, ?, ?) RETURNING \(Self.workshopSelection)
                """)
            try Self.bindWorkshop(workshop, statement)
            guard let saved = try statement.fetchOne(Self.workshop(row:)) else { throw StoreError.invalidRow("workshop") }
            return saved
        }
    }

    /// Replaces the workshop with the same id; false when there is none.
    public func updateWorkshop(_ workshop: Workshop) async throws -> Bool {
        try await write("updateWorkshop") { db in
            let statement = try db.cachedStatement("UPDATE workshop SET title = ?, starts_local = ?, place = ?, seats = ? WHERE id = ?")
            try Self.bindWorkshop(workshop, statement)
            try statement.bind(workshop.id, at: 5)
            try statement.execute()
            return db.changedRowCount > 0
        }
    }

    /// Deletes a workshop; false when there was none.
    public func deleteWorkshop(id: Int64) async throws -> Bool {
        try await write("deleteWorkshop") { db in
            let statement = try db.cachedStatement("DELETE FROM workshop WHERE id = ?")
            try statement.bind(id, at: 1)
            try statement.execute()
            return db.changedRowCount > 0
        }
    }

    static func bindWorkshop(_ workshop: Workshop, _ statement: SQLiteStatement) throws {
        try statement.bind(workshop.title, at: 1)
        try statement.bind(workshop.startsAt.description, at: 2)
        try statement.bind(workshop.place, at: 3)
        try statement.bind(workshop.seats, at: 4)
    }

    static func workshop(row: SQLiteStatement) throws -> Workshop {
        guard let id = row.int64(at: 0), let title = row.string(at: 1), let text = row.string(at: 2),
              let startsAt = LocalDateTime(iso: text), let place = row.string(at: 3)
        else { throw StoreError.invalidRow("workshop") }
        return Workshop(id: id, title: title, startsAt: startsAt, place: place, seats: row.int(at: 4))
    }
}

extension LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM:SS`, the form `description` writes.
    init?(iso text: String) {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), let time = LocalTime(parsing: String(parts[1])) else { return nil }
        self.init(date: date, time: time)
    }
}
