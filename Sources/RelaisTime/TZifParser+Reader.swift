import RelaisCore

extension TZifParser {
    /// The six counts of a TZif header, and the version.
    struct Header {
        var version: Int
        var universalCount, standardCount, leapCount, transitionCount, typeCount, characterCount: Int

        static func read(_ reader: inout Reader) throws(TimeZoneError) -> Header {
            guard Array(try reader.take(4)) == Array("TZif".utf8) else { throw reader.malformed("not a TZif file (no \"TZif\" magic)") }
            let versionByte = try reader.byte()
            let version: Int
            switch versionByte {
            case 0: version = 1
            case UInt8(ascii: "2")...UInt8(ascii: "4"): version = Int(versionByte - UInt8(ascii: "0"))
            default: throw reader.malformed("unknown TZif version byte \(versionByte)")
            }
            try reader.skip(15)
            let counts = try (0..<6).map { _ throws(TimeZoneError) in Int(try reader.uint32()) }
            let header = Header(version: version, universalCount: counts[0], standardCount: counts[1], leapCount: counts[2],
                                transitionCount: counts[3], typeCount: counts[4], characterCount: counts[5])
            guard header.typeCount >= 1, header.characterCount >= 1 else { throw reader.malformed("no local time types or no designations") }
            guard [0, header.typeCount].contains(header.universalCount), [0, header.typeCount].contains(header.standardCount) else {
                throw reader.malformed("UT/standard indicator counts differ from the type count")
            }
            return header
        }

        /// The length of the data block that follows the header, with 4- or 8-byte times.
        func blockLength(timeSize: Int) -> Int {
            transitionCount * (timeSize + 1) + typeCount * 6 + characterCount + leapCount * (timeSize + 4)
                + standardCount + universalCount
        }
    }

    /// A cursor over the file's bytes; every read checks the length.
    struct Reader {
        let bytes: [UInt8]
        let zone: String
        var position = 0

        var remaining: Int { bytes.count - position }

        mutating func take(_ count: Int) throws(TimeZoneError) -> ArraySlice<UInt8> {
            guard count <= remaining else { throw truncated() }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func skip(_ count: Int) throws(TimeZoneError) { _ = try take(count) }

        mutating func byte() throws(TimeZoneError) -> UInt8 { try take(1).first! }

        mutating func uint32() throws(TimeZoneError) -> UInt32 {
            try take(4).reduce(0) { $0 << 8 | UInt32($1) }
        }

        mutating func int32() throws(TimeZoneError) -> Int32 { Int32(bitPattern: try uint32()) }

        mutating func int64() throws(TimeZoneError) -> Int64 {
            Int64(bitPattern: try take(8).reduce(0) { $0 << 8 | UInt64($1) })
        }

        func truncated() -> TimeZoneError {
            TimeZoneError(.malformed, zone: zone, "the file ends early (truncated at byte \(bytes.count))")
        }

        func malformed(_ detail: String) -> TimeZoneError {
            TimeZoneError(.malformed, zone: zone, detail)
        }
    }
}
