import struct FoundationEssentials.Date

extension TimeZoneRules {
    /// The wall reading at `instant`, to the second (fractions are dropped).
    public func localDateTime(at instant: Date) -> LocalDateTime {
        let seconds = Self.seconds(instant)
        return LocalDateTime(localSecondsSince1970: seconds + Int64(type(at: seconds).utcOffset))
    }

    /// The local calendar day at `instant`.
    public func localDate(at instant: Date) -> LocalDate { localDateTime(at: instant).date }

    /// When the wall reading `local` happens: once, never (a gap), or twice (an overlap).
    public func resolve(_ local: LocalDateTime) -> LocalResolution {
        let wall = local.localSecondsSince1970
        // Every offset in use within two days of the reading: no zone's offset exceeds ±26 h.
        let types = types(from: wall - 2 * 86_400, through: wall + 2 * 86_400)
        var candidates: [Int64] = []
        for offset in Set(types.map(\.type.utcOffset)) {
            let instant = wall - Int64(offset)
            if type(at: instant).utcOffset == offset { candidates.append(instant) }
        }
        candidates.sort()
        if let earlier = candidates.first, let later = candidates.last {
            return earlier == later ? .unique(Self.date(earlier)) : .repeated(earlier: Self.date(earlier), later: Self.date(later))
        }
        // A gap: the forward jump whose skipped wall interval holds the reading.
        for (previous, change) in zip(types, types.dropFirst()) {
            let before = Int64(previous.type.utcOffset), after = Int64(change.type.utcOffset)
            if change.at + before <= wall, wall < change.at + after {
                return .skipped(before: Self.date(wall - before), after: Self.date(wall - after),
                                transition: Self.date(change.at))
            }
        }
        // Unreachable for consistent rules; answer with the offset in force at the reading taken as UTC.
        return .unique(Self.date(wall - Int64(type(at: wall).utcOffset)))
    }

    /// The instant of a wall reading, resolving gaps and overlaps with `policy` (see `LocalResolution.instant`).
    public func instant(for local: LocalDateTime, _ policy: LocalResolution.Policy = .earliest) -> Date {
        resolve(local).instant(policy)
    }

    /// The type in force at `start`, then each change up to `end`, with the instant it starts.
    func types(from start: Int64, through end: Int64) -> [(at: Int64, type: LocalTimeType)] {
        var result = [(at: start, type: type(at: start))]
        while let next = nextTransition(after: result[result.count - 1].at), next.at <= end {
            result.append(next)
        }
        return result
    }

    static func date(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: Double(seconds)) }
}
