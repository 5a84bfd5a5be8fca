import FoundationEssentials
import Testing
@testable import RelaisStore

@Suite struct OpenOutcomeTests {
    @Test func theDecisionFollowsTheMarkerAndTheFile() {
        #expect(OpenOutcome.decide(marker: nil, databaseWasEmpty: true, creationID: 0) == .created)
        #expect(OpenOutcome.decide(marker: .some(7), databaseWasEmpty: true, creationID: 0) == .recreatedAfterLoss(lostCreationID: 7))
        #expect(OpenOutcome.decide(marker: .some(nil), databaseWasEmpty: true, creationID: 0) == .recreatedAfterLoss(lostCreationID: nil))
        #expect(OpenOutcome.decide(marker: .some(7), databaseWasEmpty: false, creationID: 7) == .opened)
        #expect(OpenOutcome.decide(marker: nil, databaseWasEmpty: false, creationID: 7) == .opened)
        #expect(OpenOutcome.decide(marker: .some(nil), databaseWasEmpty: false, creationID: 7) == .opened)
        // A database from before markers has no id yet.
        #expect(OpenOutcome.decide(marker: .some(7), databaseWasEmpty: false, creationID: 0) == .opened)
        #expect(OpenOutcome.decide(marker: .some(7), databaseWasEmpty: false, creationID: 8) == .replaced(expectedCreationID: 7, foundCreationID: 8))
        #expect(!OpenOutcome.created.isAlarm)
        #expect(!OpenOutcome.opened.isAlarm)
        #expect(OpenOutcome.recreatedAfterLoss(lostCreationID: 7).isAlarm)
        #expect(OpenOutcome.replaced(expectedCreationID: 7, foundCreationID: 8).isAlarm)
    }

    static func creationID(_ database: AppDatabase) throws -> Int32 {
        Int32(try database.withConnection { db in try db.integer("PRAGMA user_version") } ?? 0)
    }

    /// First start, restart, then the file is deleted while its marker stays: the next start says the
    /// database was lost, and the one after is normal again.
    @Test func aDeletedDatabaseIsReportedAsLostAtTheNextStart() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = DatabaseMarker(databasePath: directory.databasePath)
        let firstID: Int32
        do {
            let database = try AppDatabase.open(path: directory.databasePath)
            #expect(database.openOutcome == .created)
            firstID = try Self.creationID(database)
            #expect(firstID != 0)
            #expect(marker.read() == .some(firstID))
            _ = try await database.startSessions([visitor(1)])
        }
        do {
            let database = try AppDatabase.open(path: directory.databasePath)
            #expect(database.openOutcome == .opened)
            #expect(try await database.liveSessions(at: t0).count == 1)
        }
        try FileManager.default.removeItem(atPath: directory.databasePath)
        let secondID: Int32
        do {
            let database = try AppDatabase.open(path: directory.databasePath)
            #expect(database.openOutcome == .recreatedAfterLoss(lostCreationID: firstID))
            #expect(database.openOutcome.isAlarm)
            #expect(try await database.liveSessions(at: t0).isEmpty)
            secondID = try Self.creationID(database)
            #expect(secondID != firstID)
            #expect(marker.read() == .some(secondID))
        }
        #expect(try AppDatabase.open(path: directory.databasePath).openOutcome == .opened)
    }

    /// Another database file put in place of this one (a backup, another box's) is reported.
    @Test func aDatabaseSwappedForAnotherIsReported() async throws {
        let here = try TemporaryDirectory()
        let elsewhere = try TemporaryDirectory()
        defer { here.remove(); elsewhere.remove() }
        let hereID = try Self.creationID(try AppDatabase.open(path: here.databasePath))
        let otherID = try Self.creationID(try AppDatabase.open(path: elsewhere.databasePath))
        try FileManager.default.removeItem(atPath: here.databasePath)
        try FileManager.default.copyItem(atPath: elsewhere.databasePath, toPath: here.databasePath)
        let database = try AppDatabase.open(path: here.databasePath)
        #expect(database.openOutcome == .replaced(expectedCreationID: hereID, foundCreationID: otherID))
        #expect(DatabaseMarker(databasePath: here.databasePath).read() == .some(otherID))
    }

    /// A database from before markers gets its id and marker silently; a lost marker is written again.
    @Test func aDatabaseWithoutMarkerOrIdGetsThem() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = DatabaseMarker(databasePath: directory.databasePath)
        do {
            let database = try AppDatabase.open(path: directory.databasePath)
            try database.withConnection { db in try db.execute("PRAGMA user_version = 0") }
        }
        try FileManager.default.removeItem(atPath: marker.path)
        let database = try AppDatabase.open(path: directory.databasePath)
        #expect(database.openOutcome == .opened)
        let id = try Self.creationID(database)
        #expect(id != 0)
        #expect(marker.read() == .some(id))
    }

    /// A read-only opening (an export) checks and writes nothing beside the file.
    @Test func aReadOnlyOpeningLeavesTheMarkerAlone() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = DatabaseMarker(databasePath: directory.databasePath)
        _ = try AppDatabase.open(path: directory.databasePath)
        try FileManager.default.removeItem(atPath: marker.path)
        #expect(try AppDatabase.openReadOnly(path: directory.databasePath).openOutcome == .opened)
        #expect(marker.read() == nil)
    }

    @Test func aMarkerWithoutAReadableIdStillCountsAsAMarker() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let marker = DatabaseMarker(databasePath: directory.databasePath)
        try Data("garbage\n".utf8).write(to: URL(fileURLWithPath: marker.path))
        #expect(marker.read() == .some(nil))
        let database = try AppDatabase.open(path: directory.databasePath)
        #expect(database.openOutcome == .recreatedAfterLoss(lostCreationID: nil))
    }

    /// Deleted while it is open, the database says so to the running process, before any restart.
    @Test func aDatabaseDeletedWhileOpenIsNoticed() async throws {
        try await withFileDatabase { database, directory in
            #expect(try await !database.databaseFileHasMoved())
            try FileManager.default.removeItem(atPath: directory.databasePath)
            #expect(try await database.databaseFileHasMoved())
        }
        #expect(try await !AppDatabase.inMemory().databaseFileHasMoved())
    }
}
