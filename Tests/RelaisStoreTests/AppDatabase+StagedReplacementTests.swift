import FoundationEssentials
import Testing
@testable import RelaisStore

@Suite struct AppDatabaseStagedReplacementTests {
    static func database() async throws -> AppDatabase {
        let database = try AppDatabase.temporary()
        try await database.write("test") { db in
            try db.execute("""
                CREATE TABLE staged_item (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0)) STRICT;
                INSERT INTO staged_item VALUES (1, 'old-1'), (2, 'old-2'), (3, 'old-3')
                """)
        }
        return database
    }

    static func insert(_ db: SQLiteConnection, into staging: String, _ slice: ArraySlice<(Int, String)>) throws {
        let statement = try db.cachedStatement("INSERT INTO \(staging) (id, name) VALUES (?, ?)")
        for (id, name) in slice {
            try statement.bind(id, at: 1)
            try statement.bind(name, at: 2)
            try statement.execute()
        }
    }

    static func names(_ database: AppDatabase) async throws -> [String] {
        try await database.read("test") { db in try db.fetchAll("SELECT name FROM staged_item ORDER BY id") { $0.string(at: 0) ?? "" } }
    }

    static func stagingTables(_ database: AppDatabase) throws -> Int64? {
        try database.withConnection { db in try db.integer("SELECT COUNT(*) FROM temp.sqlite_master WHERE type = 'table'") }
    }

    /// While the new rows are staged in batches, readers still see every old row; then all the new ones.
    @Test func readersSeeTheOldRowsThenAllTheNewOnes() async throws {
        let database = try await Self.database()
        let items = (1...25).map { ($0, "new-\($0)") }
        let staging = Gate()
        let resume = Gate()
        let job = Task {
            try await database.replaceAllRows("test", of: "staged_item", items: items, batchSize: 10) { db, table, slice in
                try Self.insert(db, into: table, slice)
                if slice.first?.0 == 11 {
                    staging.open()
                    guard resume.wait() else { throw GateNeverOpened() }
                }
            }
        }
        #expect(await eventually { staging.isOpen })
        #expect(try await Self.names(database) == ["old-1", "old-2", "old-3"])
        resume.open()
        try await job.value
        #expect(try await Self.names(database) == items.map(\.1))
        #expect(try Self.stagingTables(database) == 0)
    }

    /// A row the schema refuses fails the swap: the table keeps its old rows, the staging table goes.
    @Test func aRefusedRowKeepsTheOldRows() async throws {
        let database = try await Self.database()
        let items = [(1, "new-1"), (2, ""), (3, "new-3")]
        let error = await #expect(throws: StoreError.self) {
            try await database.replaceAllRows("test", of: "staged_item", items: items, batchSize: 2) { db, table, slice in
                try Self.insert(db, into: table, slice)
            }
        }
        #expect(error?.code == .constraint)
        #expect(try await Self.names(database) == ["old-1", "old-2", "old-3"])
        #expect(try Self.stagingTables(database) == 0)
    }

    @Test func replacingWithNothingEmptiesTheTable() async throws {
        let database = try await Self.database()
        try await database.replaceAllRows("test", of: "staged_item", items: [(Int, String)](), batchSize: 10) { db, table, slice in
            try Self.insert(db, into: table, slice)
        }
        #expect(try await Self.names(database).isEmpty)
    }
}
