import RelaisCore

/// The day's key for counting distinct devices, and the day's set of device tokens: held in memory only,
/// never written nor logged, and replaced (the old one dropped) when the local day changes.
///
/// A token is the first 16 bytes of HMAC-SHA256(key, MAC): a device is counted once a day, and since the
/// key of one day is gone the next, its tokens of two days cannot be linked (CNIL's regime of immediate
/// pseudonymisation then destruction within 24 hours). A keyed hash alone is not anonymous (CE, 8 Feb 2017,
/// JCDecaux): it is the destruction of the key and the aggregation that make the stored counts so.
struct DailyDeviceKey {
    /// 128 bits of the HMAC: collisions among a day's devices are out of reach.
    struct Token: Hashable {
        let high: UInt64
        let low: UInt64
    }

    let day: LocalDate
    private let hash: any MessageAuthenticator
    private(set) var seen: Set<Token> = []
    /// The most tokens kept: beyond it, each further device is counted as new (an over-count, said in the log).
    let capacity: Int

    init(day: LocalDate, hash: any MessageAuthenticator, capacity: Int) {
        self.day = day
        self.hash = hash
        self.capacity = capacity
    }

    /// What `insert` found.
    enum Sighting: Equatable {
        case firstToday
        case seenBefore
        /// The set is full: counted as first, not remembered.
        case overCapacity
    }

    /// Notes the device; tells whether it is its first sighting of the day.
    mutating func insert(_ mac: MACAddress) -> Sighting {
        let code = hash.authenticationCode(for: mac.octets)
        let token = Token(high: Self.word(code, 0), low: Self.word(code, 8))
        if seen.contains(token) { return .seenBefore }
        guard seen.count < capacity else { return .overCapacity }
        seen.insert(token)
        return .firstToday
    }

    private static func word(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        bytes[offset..<offset + 8].reduce(0) { $0 << 8 | UInt64($1) }
    }
}
