import FoundationEssentials
import Glibc
import RelaisCore
import RelaisTime
import Testing

@Suite struct ZoneInfoDatabaseTests {
    func failure(_ name: String, in database: ZoneInfoDatabase = ZoneInfoDatabase()) -> TimeZoneError? {
        do { _ = try database.rules(named: name); return nil } catch { return error }
    }

    @Test(arguments: ["Europe/Paris", "UTC", "America/Argentina/Buenos_Aires", "Etc/GMT+1", "Etc/GMT-14", "America/Port-au-Prince"])
    func loadsRealZones(_ name: String) throws {
        let rules = try ZoneInfoDatabase().rules(named: name)
        #expect(rules.name == name)
    }

    @Test func parisFromTzdataAgreesWithItsPosixRuleFrom1996() throws {
        let file = try ZoneInfoDatabase().rules(named: "Europe/Paris")
        let rule = try #require(TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3"))
        var instant: Int64 = 820_454_400  // 1996-01-01
        while instant < 2_556_144_000 {   // 2051-01-01
            #expect(file.type(at: instant) == rule.type(at: instant))
            instant += 3 * 3600 + 17
        }
    }

    @Test func theFooterRuleGivesTheChangesOf2100() throws {
        // Far past the file's last transition (2037): the last Sundays of March and October 2100, 01:00 UTC.
        let paris = try ZoneInfoDatabase().rules(named: "Europe/Paris")
        #expect(paris.nextTransition(after: 4_102_444_800)?.at == 4_109_878_800)
        #expect(paris.nextTransition(after: 4_109_878_800)?.at == 4_128_627_600)
        #expect(paris.resolve(LocalDateTime(year: 2100, month: 3, day: 28, hour: 2, minute: 30)!)
            == .skipped(before: Date(timeIntervalSince1970: 4_109_880_600), after: Date(timeIntervalSince1970: 4_109_877_000),
                        transition: Date(timeIntervalSince1970: 4_109_878_800)))
        #expect(paris.lengthOfDay(LocalDate(year: 2100, month: 10, day: 31)!) == 90_000)
        // Dates no clock will show still answer, without trapping.
        #expect(paris.localDateTime(at: .distantFuture).date.year > 3000)
        #expect(paris.localDateTime(at: Date(timeIntervalSince1970: .infinity)) == paris.localDateTime(at: Date(timeIntervalSince1970: 1e15)))
    }

    @Test(arguments: ["", "/etc/passwd", "../../etc/passwd", "Europe/../../etc/passwd", "Europe//Paris", "Europe/Paris/",
                      "Europe/Paris\u{0}", "Europe/Pa ris", "zone.tab", "Europe/Parïs", String(repeating: "A", count: 256)])
    func refusesNamesThatAreNotZoneNames(_ name: String) {
        #expect(!ZoneInfoDatabase.isValidZoneName(name))
        #expect(failure(name)?.code == .invalidName)
    }

    @Test func unknownZonesAndDirectories() {
        #expect(failure("Europe/Lutece")?.code == .unknownZone)
        #expect(failure("Europe")?.code == .unknownZone)
        #expect(failure("Europe/Paris/Montmartre")?.code == .unknownZone)
        #expect(failure("Europe/Paris", in: ZoneInfoDatabase(directory: "/nonexistent-zoneinfo"))?.code == .unknownZone)
        #expect(failure("Europe/Lutece")?.description.contains("Europe/Lutece") == true)
    }

    @Test func malformedAndUnreadableFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: "relais-zoneinfo-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory + "/Test", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = ZoneInfoDatabase(directory: directory)

        #expect(FileManager.default.createFile(atPath: directory + "/Test/Garbage", contents: Data("not a zone\n".utf8)))
        #expect(failure("Test/Garbage", in: database)?.code == .malformed)
        #expect(FileManager.default.createFile(atPath: directory + "/Test/Empty", contents: Data()))
        #expect(failure("Test/Empty", in: database)?.code == .malformed)
        let sample = TZifFixture.sample.bytes(version: 2)
        #expect(FileManager.default.createFile(atPath: directory + "/Test/Sample", contents: Data(sample)))
        #expect(try database.rules(named: "Test/Sample").footer != nil)
        #expect(FileManager.default.createFile(atPath: directory + "/Test/Truncated", contents: Data(sample.prefix(60))))
        #expect(failure("Test/Truncated", in: database)?.code == .malformed)

        // Unreadable: only meaningful when not root (root reads any file).
        #expect(FileManager.default.createFile(atPath: directory + "/Test/Locked", contents: Data(sample), attributes: [.posixPermissions: 0]))
        if getuid() != 0 {
            #expect(failure("Test/Locked", in: database)?.code == .unreadable)
        } else {
            #expect(try database.rules(named: "Test/Locked").footer != nil)
        }
    }
}
