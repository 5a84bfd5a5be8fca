import RelaisCore

/// Reads TZif files (RFC 8536, versions 1 to 4) into `TimeZoneRules`. Version 2 and later files carry a second,
/// 64-bit data block and a POSIX TZ footer: those are used; a version 1 file gives its 32-bit block alone.
public enum TZifParser {
    /// The rules stated by `bytes`, the content of a TZif file for the zone `name`.
    public static func parse(_ bytes: [UInt8], name: String) throws(TimeZoneError) -> TimeZoneRules {
        var reader = Reader(bytes: bytes, zone: name)
        let first = try Header.read(&reader)
        guard first.version >= 2 else {
            // A version 1 reader ignores whatever follows the first block.
            let block = try readBlock(&reader, first, timeSize: 4)
            return TimeZoneRules(name: name, initialType: block.initial, transitions: block.transitions, footer: nil)
        }
        try reader.skip(first.blockLength(timeSize: 4))
        let second = try Header.read(&reader)
        guard second.version == first.version else { throw reader.malformed("the two headers give different versions") }
        let block = try readBlock(&reader, second, timeSize: 8)
        return TimeZoneRules(name: name, initialType: block.initial, transitions: block.transitions,
                             footer: try readFooter(&reader))
    }

    /// The type before the first transition (type 0, RFC 8536 §3.2) and the transitions of one data block.
    private static func readBlock(_ reader: inout Reader, _ header: Header, timeSize: Int)
        throws(TimeZoneError) -> (initial: LocalTimeType, transitions: [(at: Int64, type: LocalTimeType)]) {
        guard header.leapCount == 0 else {
            throw TimeZoneError(.unsupported, zone: reader.zone, "the file counts leap seconds (a \"right/\" zone); use the zone without \"right/\"")
        }
        // Check the length once, before allocating anything the counts ask for.
        guard reader.remaining >= header.blockLength(timeSize: timeSize) else { throw reader.truncated() }
        var times: [Int64] = []
        times.reserveCapacity(header.transitionCount)
        for _ in 0..<header.transitionCount {
            let time = timeSize == 4 ? Int64(try reader.int32()) : try reader.int64()
            guard times.last.map({ $0 < time }) ?? true else { throw reader.malformed("transition times are not in increasing order") }
            times.append(time)
        }
        var indices: [Int] = []
        for _ in 0..<header.transitionCount {
            let index = Int(try reader.byte())
            guard index < header.typeCount else { throw reader.malformed("a transition names local time type \(index) of \(header.typeCount)") }
            indices.append(index)
        }
        var records: [(offset: Int32, isDST: UInt8, abbreviation: Int)] = []
        for _ in 0..<header.typeCount {
            records.append((try reader.int32(), try reader.byte(), Int(try reader.byte())))
        }
        let characters = Array(try reader.take(header.characterCount))
        try reader.skip(header.standardCount + header.universalCount)
        var types: [LocalTimeType] = []
        for record in records {
            guard record.offset != Int32.min else { throw reader.malformed("a UTC offset is -2^31") }
            guard record.isDST <= 1 else { throw reader.malformed("a DST flag is neither 0 nor 1") }
            guard record.abbreviation < characters.count,
                  let end = characters[record.abbreviation...].firstIndex(of: 0) else {
                throw reader.malformed("an abbreviation index points outside the designations")
            }
            types.append(LocalTimeType(utcOffset: Int(record.offset), isDST: record.isDST == 1,
                                       abbreviation: String(decoding: characters[record.abbreviation..<end], as: UTF8.self)))
        }
        return (types[0], zip(times, indices).map { (at: $0, type: types[$1]) })
    }

    /// `\n<POSIX TZ string>\n` at the end of a version 2+ file; an empty string means no rule.
    private static func readFooter(_ reader: inout Reader) throws(TimeZoneError) -> PosixTimeZoneRule? {
        guard try reader.byte() == 0x0A else { throw reader.malformed("the footer does not start with a newline") }
        let rest = Array(try reader.take(reader.remaining))
        guard let newline = rest.firstIndex(of: 0x0A), newline == rest.count - 1 else {
            throw reader.malformed("the footer is not one line ending the file")
        }
        guard newline > 0 else { return nil }
        let text = String(decoding: rest[..<newline], as: UTF8.self)
        guard let rule = PosixTimeZoneRule(text) else { throw reader.malformed("the footer \"\(text)\" is not a POSIX TZ rule") }
        return rule
    }
}
