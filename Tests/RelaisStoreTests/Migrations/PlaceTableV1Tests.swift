import Testing
@testable import RelaisStore

@Suite struct PlaceTableV1Tests {
    static let valid = "'a', '21860194700013', 'Lieu', 'Poitiers', '86000', '1 rue', '2026-09-14'"
    static let rest = "'', '', '', NULL, '', '', NULL, NULL, ''"

    static func insert(_ values: String, latitude: String = "NULL", longitude: String = "NULL") throws {
        let connection = try SQLiteConnection(path: SQLiteConnection.inMemoryPath, mode: .readWrite)
        try connection.execute(PlaceTableV1.sql)
        try connection.execute("INSERT INTO place VALUES (\(values), \(latitude), \(longitude), NULL, \(rest))")
    }

    @Test func theSchemaKeepsTheDirectoryWellFormed() throws {
        try Self.insert(Self.valid)
        try Self.insert(Self.valid, latitude: "46.58", longitude: "0.34")
        #expect(throws: SQLiteError.self) { try Self.insert(Self.valid.replacing("'86000'", with: "'8600'")) }
        #expect(throws: SQLiteError.self) { try Self.insert(Self.valid.replacing("'Lieu'", with: "''")) }
        #expect(throws: SQLiteError.self) { try Self.insert(Self.valid.replacing("'2026-09-14'", with: "'14/09/2026'")) }
        #expect(throws: SQLiteError.self) { try Self.insert(Self.valid, latitude: "46.58") }
        #expect(throws: SQLiteError.self) { try Self.insert(Self.valid, latitude: "95", longitude: "0") }
        #expect(throws: SQLiteError.self) { try Self.insert(Self.valid, latitude: "'north'", longitude: "0") }
    }
}
