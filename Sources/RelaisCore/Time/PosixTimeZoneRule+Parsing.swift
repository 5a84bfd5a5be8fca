extension PosixTimeZoneRule {
    /// Reads a POSIX TZ string (POSIX.1-2017 §8.3, with RFC 8536's extension of rule times to ±167 h).
    /// Nil when the text is not one. A DST name without dates takes the US rule `M3.2.0,M11.1.0`, as glibc does.
    public init?(_ text: String) {
        var reader = Reader(bytes: Array(text.utf8))
        guard let standardName = reader.name(), let standardOffset = reader.offset() else { return nil }
        let standard = LocalTimeType(utcOffset: -standardOffset, isDST: false, abbreviation: standardName)
        if reader.atEnd {
            self.init(standard: standard, daylight: nil)
            return
        }
        guard let daylightName = reader.name() else { return nil }
        var daylightOffset = standard.utcOffset + 3600
        if !reader.atEnd, reader.peek != UInt8(ascii: ",") {
            guard let offset = reader.offset() else { return nil }
            daylightOffset = -offset
        }
        let type = LocalTimeType(utcOffset: daylightOffset, isDST: true, abbreviation: daylightName)
        var limits: (ChangeDay, Int, ChangeDay, Int)
        if reader.atEnd {
            limits = (.monthWeekDay(month: 3, week: 2, weekday: .sunday), 7200,
                      .monthWeekDay(month: 11, week: 1, weekday: .sunday), 7200)
        } else {
            guard reader.take(","), let start = reader.changeDay(), let startTime = reader.changeTime(),
                  reader.take(","), let end = reader.changeDay(), let endTime = reader.changeTime(), reader.atEnd
            else { return nil }
            limits = (start, startTime, end, endTime)
        }
        self.init(standard: standard, daylight: Daylight(
            type: type, start: limits.0, startTime: limits.1, end: limits.2, endTime: limits.3))
    }

    /// A cursor over the ASCII bytes of a TZ string.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard peek == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }

        /// `CET` (three letters or more) or `<+0545>` (three or more letters, digits, signs).
        mutating func name() -> String? {
            let quoted = take("<")
            let begin = index
            while let byte = peek, Self.isLetter(byte) || (quoted && (Self.isDigit(byte) || byte == 0x2B || byte == 0x2D)) {
                index += 1
            }
            let name = String(decoding: bytes[begin..<index], as: UTF8.self)
            guard name.count >= 3, !quoted || take(">") else { return nil }
            return name
        }

        /// A UTC offset as POSIX writes it: `[+-]hh[:mm[:ss]]`, positive west of Greenwich, at most 24 h.
        mutating func offset() -> Int? { signedClock(maxHours: 24) }

        /// `Jn`, `n` or `Mm.w.d`.
        mutating func changeDay() -> ChangeDay? {
            if take("J") {
                guard let n = number(maxDigits: 3), (1...365).contains(n) else { return nil }
                return .julianSkippingLeapDay(n)
            }
            if take("M") {
                guard let month = number(maxDigits: 2), (1...12).contains(month), take("."),
                      let week = number(maxDigits: 1), (1...5).contains(week), take("."),
                      let day = number(maxDigits: 1), let weekday = Weekday(sundayBasedIndex: day) else { return nil }
                return .monthWeekDay(month: month, week: week, weekday: weekday)
            }
            guard let n = number(maxDigits: 3), (0...365).contains(n) else { return nil }
            return .zeroBasedDayOfYear(n)
        }

        /// `/[+-]hhh[:mm[:ss]]` after a change day; 02:00 when absent.
        mutating func changeTime() -> Int? {
            guard take("/") else { return 7200 }
            return signedClock(maxHours: 167)
        }

        mutating func signedClock(maxHours: Int) -> Int? {
            let sign = take("-") ? -1 : 1
            if sign == 1 { _ = take("+") }
            guard let hours = number(maxDigits: 3), hours <= maxHours else { return nil }
            var seconds = hours * 3600
            if take(":") {
                guard let minutes = number(maxDigits: 2), minutes < 60 else { return nil }
                seconds += minutes * 60
                if take(":") {
                    guard let secs = number(maxDigits: 2), secs < 60 else { return nil }
                    seconds += secs
                }
            }
            return sign * seconds
        }

        mutating func number(maxDigits: Int) -> Int? {
            let begin = index
            while let byte = peek, Self.isDigit(byte), index - begin < maxDigits { index += 1 }
            guard index > begin else { return nil }
            return bytes[begin..<index].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }

        static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    }
}
