import FoundationEssentials
import RelaisCore
import Testing
@testable import RelaisStore

@Suite struct AppDatabasePlacesTests {
    static func place(_ n: Int, hours: String? = "Mo-Fr 09:00-12:00; PH off") throws -> Place {
        Place(
            id: "lieu-\(n)", pivot: "21860194700013", name: "Lieu \(n)", commune: "Poitiers", postalCode: "86000",
            address: "\(n) rue de la Paix", updatedOn: LocalDate(year: 2026, month: 9, day: 14)!,
            location: n % 2 == 0 ? GeoPoint(latitude: 46.58, longitude: 0.34) : nil,
            openingHours: try hours.map { try OpeningHours(parsing: $0) },
            services: ["Aide aux démarches administratives", "Accès internet et matériel informatique"], types: ["MUNI"],
            audiences: [], phone: n % 2 == 0 ? "+33555000101" : nil, emails: ["a@example.org", "b@example.org"],
            websites: [], summary: n % 2 == 0 ? "Aide gratuite." : nil, appointmentURL: "https://rdv.example.org/",
            accessModes: ["Se présenter"])
    }

    @Test func aReplacedDirectoryReadsBackWhole() async throws {
        let database = try AppDatabase.temporary()
        #expect(try await database.places().isEmpty)
        let places = try (1...1_200).map { try Self.place($0) }
        try await database.replaceDirectory(with: places)
        let read = try await database.places()
        #expect(read.count == 1_200)
        #expect(Set(read) == Set(places))
        // The next import replaces everything: no place of the old directory is left.
        try await database.replaceDirectory(with: [try Self.place(7, hours: nil)])
        #expect(try await database.places() == [try Self.place(7, hours: nil)])
    }

    @Test func aDirectoryTheSchemaRefusesLeavesTheOldOne() async throws {
        let database = try AppDatabase.temporary()
        let old = try (1...3).map { try Self.place($0) }
        try await database.replaceDirectory(with: old)
        // Two places with one id: the swap fails on the primary key, after the staging batches.
        var duplicate = try (10...1_100).map { try Self.place($0) }
        duplicate.append(try Self.place(10))
        await #expect(throws: StoreError.self) { try await database.replaceDirectory(with: duplicate) }
        #expect(try await database.places() == old)
        var badPostalCode = try Self.place(4)
        badPostalCode.postalCode = "86"
        let error = await #expect(throws: StoreError.self) { try await database.replaceDirectory(with: [badPostalCode]) }
        #expect(error?.code == .constraint)
        #expect(try await database.places() == old)
    }

    @Test func anEmptyDirectoryEmptiesTheTable() async throws {
        let database = try AppDatabase.inMemory()
        try await database.replaceDirectory(with: [try Self.place(1)])
        try await database.replaceDirectory(with: [])
        #expect(try await database.places().isEmpty)
    }
}
