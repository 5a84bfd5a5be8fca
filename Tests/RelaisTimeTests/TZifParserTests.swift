import FoundationEssentials
import RelaisCore
@testable import RelaisTime
import Testing

@Suite struct TZifParserTests {
    static let parisBytes: [UInt8] = {
        let path = ZoneInfoDatabase.defaultDirectory + "/Europe/Paris"
        return Array(FileManager.default.contents(atPath: path) ?? Data())
    }()

    @Test func readsDebiansParisFile() throws {
        let rules = try TZifParser.parse(Self.parisBytes, name: "Europe/Paris")
        #expect(rules.name == "Europe/Paris")
        #expect(rules.footer == PosixTimeZoneRule("CET-1CEST,M3.5.0,M10.5.0/3"))
        #expect(rules.initialType.abbreviation == "LMT")
        #expect(rules.initialType.utcOffset == 561)
        #expect(rules.transitionTimes.count > 100)
        #expect(rules.type(at: Int64(1_774_746_000 - 1)) == LocalTimeType(utcOffset: 3600, isDST: false, abbreviation: "CET"))
        #expect(rules.type(at: Int64(1_774_746_000)) == LocalTimeType(utcOffset: 7200, isDST: true, abbreviation: "CEST"))
    }

    @Test func versionOneBlockAgreesWithTheSixtyFourBitBlockUntil2037() throws {
        var v1Bytes = Self.parisBytes
        v1Bytes[4] = 0  // The same file read as version 1: only its 32-bit block and no footer.
        let v1 = try TZifParser.parse(v1Bytes, name: "Europe/Paris")
        let v2 = try TZifParser.parse(Self.parisBytes, name: "Europe/Paris")
        #expect(v1.footer == nil)
        // From 1901-12-14 (the 32-bit limit) to the end of 2037, every six hours.
        var instant = Int64(Int32.min)
        while instant < 2_145_916_800 {
            #expect(v1.type(at: instant) == v2.type(at: instant))
            instant += 21_600
        }
        // Past the 32-bit range only the footer knows summer time: 1 July 2040.
        #expect(!v1.type(at: Int64(2_224_713_600)).isDST)
        #expect(v2.type(at: Int64(2_224_713_600)).isDST)
    }

    @Test(arguments: [1, 2, 3])
    func readsWrittenFilesOfEachVersion(version: Int) throws {
        let rules = try TZifParser.parse(TZifFixture.sample.bytes(version: version), name: "Test/Sample")
        let cet = LocalTimeType(utcOffset: 3600, isDST: false, abbreviation: "CET")
        let cest = LocalTimeType(utcOffset: 7200, isDST: true, abbreviation: "CEST")
        #expect(rules.initialType == LocalTimeType(utcOffset: 561, isDST: false, abbreviation: "LMT"))
        #expect(rules.type(at: Int64(1_774_746_000)) == cest)
        #expect(rules.type(at: Int64(1_792_890_000)) == cet)
        if version == 1 {
            // A 32-bit block cannot hold 1874: LMT lasts until the first change that fits, and there is no footer.
            #expect(rules.footer == nil)
            #expect(rules.type(at: Int64(1_774_746_000 - 1)).abbreviation == "LMT")
            #expect(rules.type(at: Int64(1_806_195_600)) == cet)
        } else {
            #expect(rules.transitionTimes.first == -3_000_000_000)
            #expect(rules.type(at: Int64(-3_000_000_001)).abbreviation == "LMT")
            #expect(rules.type(at: Int64(-2_999_999_999)) == cet)
            #expect(rules.type(at: Int64(1_806_195_600)) == cest)   // 2027, from the footer
        }
    }

    @Test func emptyFooterKeepsTheLastType() throws {
        var fixture = TZifFixture.sample
        fixture.footer = ""
        let rules = try TZifParser.parse(fixture.bytes(version: 2), name: "Test/Sample")
        #expect(rules.footer == nil)
        #expect(rules.type(at: Int64(1_806_195_600)).abbreviation == "CET")
    }

    @Test func everyTruncationIsAMalformedFile() {
        for length in 0..<Self.parisBytes.count {
            #expect(throws: TimeZoneError.self) { try TZifParser.parse(Array(Self.parisBytes[..<length]), name: "Europe/Paris") }
            do {
                _ = try TZifParser.parse(Array(Self.parisBytes[..<length]), name: "Europe/Paris")
            } catch {
                #expect(error.code == .malformed)
            }
        }
    }

    @Test func randomlyDamagedFilesFailCleanlyOrParse() {
        // Whatever a damaged file holds, reading it gives rules or a TimeZoneError: never a crash.
        var generator = SplitMix64(seed: 0x7265_6c61_6973)
        var failures = 0
        for _ in 0..<2000 {
            var bytes = Self.parisBytes
            for _ in 0..<(1 + Int(generator.next() % 4)) {
                bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
            }
            do { _ = try TZifParser.parse(bytes, name: "Europe/Paris") } catch { failures += 1 }
        }
        #expect(failures > 0)
        let garbage = (0..<4096).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        #expect(throws: TimeZoneError(.malformed, zone: "X", "not a TZif file (no \"TZif\" magic)")) {
            try TZifParser.parse(garbage, name: "X")
        }
    }

    @Test func namesWhatIsWrong() {
        func failure(_ bytes: [UInt8]) -> TimeZoneError? {
            do { _ = try TZifParser.parse(bytes, name: "Test/Sample"); return nil } catch { return error }
        }
        var bytes = TZifFixture.sample.bytes(version: 2)
        bytes[4] = UInt8(ascii: "9")
        #expect(failure(bytes)?.detail == "unknown TZif version byte 57")

        var unordered = TZifFixture.sample
        unordered.transitions = [(1_792_890_000, 1), (1_774_746_000, 2)]
        #expect(failure(unordered.bytes(version: 2))?.detail == "transition times are not in increasing order")

        var badIndex = TZifFixture.sample
        badIndex.transitions = [(1_774_746_000, 7)]
        #expect(failure(badIndex.bytes(version: 2))?.detail == "a transition names local time type 7 of 3")

        var badFooter = TZifFixture.sample
        badFooter.footer = "CET-1CEST,M3.5.0"
        #expect(failure(badFooter.bytes(version: 3))?.detail == "the footer \"CET-1CEST,M3.5.0\" is not a POSIX TZ rule")

        var leap = TZifFixture.sample
        leap.leapSeconds = 2
        #expect(failure(leap.bytes(version: 2))?.code == .unsupported)

        var trailing = TZifFixture.sample.bytes(version: 2)
        trailing += Array("junk\n".utf8)
        #expect(failure(trailing)?.detail == "the footer is not one line ending the file")
    }
}

/// A small deterministic generator, so that the damaged files are the same on every run.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
