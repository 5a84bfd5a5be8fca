import CSQLite
import RelaisCore
import Testing
@testable import RelaisStore

/// The schema itself keeps the invariants, whatever SQL reaches it.
@Suite struct SessionTableV1Tests {
    /// A valid open portal session as raw SQL values, to be spoiled one column at a time.
    static let valid: [String: SQLValue] = [
        "mac": "02:00:00:00:00:01", "ip": "192.0.2.1", "origin": "portal",
        "started_at": 1_000, "expires_at": 2_000, "idle_seconds": 600, "terms_version": "2025-01",
        "ended_at": .null, "end_reason": .null,
    ]

    static func insert(_ db: SQLiteConnection, _ changes: [String: SQLValue] = [:]) throws {
        let values = valid.merging(changes) { $1 }
        let columns = values.keys.sorted()
        let statement = try db.prepare(
            "INSERT INTO session (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))")
        for (index, column) in columns.enumerated() {
            try values[column]!.bind(to: statement, at: Int32(index + 1))
        }
        try statement.execute()
    }

    /// Runs a raw insert and returns SQLite's primary result code, or nil when it succeeded.
    static func rawInsertResult(_ changes: [String: SQLValue]) async throws -> Int32? {
        let database = try AppDatabase.inMemory()
        return try database.withConnection { db in
            do {
                try insert(db, changes)
                return nil
            } catch let error as SQLiteError {
                return error.resultCode
            }
        }
    }

    @Test func theValidRowIsAccepted() async throws {
        #expect(try await Self.rawInsertResult([:]) == nil)
        #expect(try await Self.rawInsertResult(["origin": "operator", "terms_version": .null, "ip": .null]) == nil)
    }

    @Test(arguments: [
        ["mac": "02:00:00:00:00:0G"], ["mac": "02-00-00-00-00-01"], ["mac": "02:00:00:00:00:01 "],
        ["mac": "02:00:00:00:00:0A"], ["mac": .null],
        ["origin": "visitor"], ["origin": .null],
        ["idle_seconds": 0], ["idle_seconds": -5],
        ["expires_at": 1_000], ["expires_at": 999],
        ["terms_version": .null],
        ["ended_at": 1_500], ["end_reason": "replaced"],
        ["ended_at": 1_500, "end_reason": "timeout"],
        ["started_at": "yesterday"],
    ] as [[String: SQLValue]])
    func constraintsRejectBadValues(change: [String: SQLValue]) async throws {
        let result = try await Self.rawInsertResult(change)
        #expect(result == SQLITE_CONSTRAINT, "\(change) was accepted")
    }

    @Test func everyEndReasonOfTheDomainIsAccepted() async throws {
        // If this fails after adding a SessionEndReason case, add a migration: never edit v1.
        for reason in SessionEndReason.allCases {
            #expect(try await Self.rawInsertResult(["ended_at": 1_500, "end_reason": SQLValue.text(reason.rawValue)]) == nil, "\(reason)")
        }
    }

    @Test func atMostOneOpenSessionPerDeviceEvenForRawSQL() async throws {
        let database = try AppDatabase.inMemory()
        try database.withConnection { db in
            try Self.insert(db)
            let error = #expect(throws: SQLiteError.self) { try Self.insert(db, ["started_at": 1_500, "expires_at": 2_500]) }
            #expect(error?.resultCode == SQLITE_CONSTRAINT)
            #expect(error?.extendedCode == ExtendedCode.constraintUnique)
            // Ended sessions of the same device are history: any number of them.
            try Self.insert(db, ["ended_at": 1_200, "end_reason": "idle"])
            try Self.insert(db, ["ended_at": 1_300, "end_reason": "replaced"])
            // Another device is independent.
            try Self.insert(db, ["mac": "02:00:00:00:00:02"])
            // Re-opening an ended session while another is open is refused too.
            let update = #expect(throws: SQLiteError.self) {
                try db.execute("UPDATE session SET ended_at = NULL, end_reason = NULL WHERE end_reason = 'idle'")
            }
            #expect(update?.resultCode == SQLITE_CONSTRAINT)
        }
    }

    @Test func idsAreNeverReused() async throws {
        let database = try AppDatabase.inMemory()
        let (first, second) = try database.withConnection { db in
            try Self.insert(db)
            let first = db.lastInsertedRowID
            try db.execute("DELETE FROM session")
            try Self.insert(db)
            return (first, db.lastInsertedRowID)
        }
        #expect(second > first)
    }

    @Test func sweepsAndDeviceLookupsUseThePartialIndexes() async throws {
        let database = try AppDatabase.inMemory()
        let plans = try database.withConnection { db in
            try [
                "SELECT * FROM session WHERE ended_at IS NULL AND expires_at <= 5",
                "SELECT * FROM session WHERE ended_at IS NULL AND expires_at > 5",
                "SELECT * FROM session WHERE mac = '02:00:00:00:00:01' AND ended_at IS NULL",
            ].map { sql in
                // Columns of EXPLAIN QUERY PLAN: id, parent, notused, detail.
                try db.fetchAll("EXPLAIN QUERY PLAN " + sql) { $0.string(at: 3) ?? "" }.joined()
            }
        }
        #expect(plans[0].contains("INDEX session_open_expires_at"), "\(plans[0])")
        #expect(plans[1].contains("INDEX session_open_expires_at"), "\(plans[1])")
        #expect(plans[2].contains("INDEX session_open_mac"), "\(plans[2])")
    }
}

/// A literal SQL value for the raw inserts above.
enum SQLValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, CustomStringConvertible {
    case text(String)
    case integer(Int64)
    case null

    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }

    func bind(to statement: SQLiteStatement, at index: Int32) throws {
        switch self {
        case .text(let text): try statement.bind(text, at: index)
        case .integer(let integer): try statement.bind(integer, at: index)
        case .null: try statement.bindNull(at: index)
        }
    }

    var description: String {
        switch self {
        case .text(let text): "'\(text)'"
        case .integer(let integer): "\(integer)"
        case .null: "NULL"
        }
    }
}
