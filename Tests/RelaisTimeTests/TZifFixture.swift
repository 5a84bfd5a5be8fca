import RelaisCore

/// Writes TZif files for tests, so that the reader is checked on files whose content the test states.
struct TZifFixture {
    var types: [(offset: Int32, isDST: Bool, abbreviation: String)]
    var transitions: [(at: Int64, type: UInt8)]
    var footer: String? = nil
    var leapSeconds: Int = 0

    /// Version 1: the 32-bit block only, with the transitions that fit. Version 2 or 3: that block, then the
    /// 64-bit block with all of them, and the footer.
    func bytes(version: Int) -> [UInt8] {
        var out: [UInt8] = []
        let fitting = transitions.filter { Int64(Int32.min)...Int64(Int32.max) ~= $0.at }
        if version == 1 {
            return header(versionByte: 0, transitions: fitting.count) + block(timeSize: 4, transitions: fitting)
        }
        out += header(versionByte: UInt8(ascii: "0") + UInt8(version), transitions: fitting.count)
        out += block(timeSize: 4, transitions: fitting)
        out += header(versionByte: UInt8(ascii: "0") + UInt8(version), transitions: transitions.count)
        out += block(timeSize: 8, transitions: transitions)
        out += [0x0A] + Array((footer ?? "").utf8) + [0x0A]
        return out
    }

    private var designations: [UInt8] {
        types.flatMap { Array($0.abbreviation.utf8) + [0] }
    }

    private func header(versionByte: UInt8, transitions count: Int) -> [UInt8] {
        Array("TZif".utf8) + [versionByte] + [UInt8](repeating: 0, count: 15)
            + [types.count, types.count, leapSeconds, count, types.count, designations.count].flatMap { Self.be(Int64($0), 4) }
    }

    private func block(timeSize: Int, transitions: [(at: Int64, type: UInt8)]) -> [UInt8] {
        var out = transitions.flatMap { Self.be($0.at, timeSize) } + transitions.map(\.type)
        var index = 0
        for type in types {
            out += Self.be(Int64(type.offset), 4) + [type.isDST ? 1 : 0, UInt8(index)]
            index += type.abbreviation.utf8.count + 1
        }
        out += designations
        for leap in 0..<leapSeconds { out += Self.be(Int64(78_796_800 + leap), timeSize) + Self.be(Int64(leap + 1), 4) }
        return out + [UInt8](repeating: 0, count: 2 * types.count)
    }

    static func be(_ value: Int64, _ size: Int) -> [UInt8] {
        (0..<size).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// Paris-like: LMT, then CET, with two changes in 2026 and one before 1901 that needs 64-bit times.
    static let sample = TZifFixture(
        types: [(561, false, "LMT"), (3600, false, "CET"), (7200, true, "CEST")],
        transitions: [(-3_000_000_000, 1), (1_774_746_000, 2), (1_792_890_000, 1)],
        footer: "CET-1CEST,M3.5.0,M10.5.0/3")
}
