/// Reading of an Accept-Language header (RFC 9110, 12.5.4) on its bytes.
enum AcceptLanguage {
    /// The index of the highest-weighted candidate tag (lower case) that is the primary subtag of an
    /// item (`fr` for `fr-CA`), compared case-insensitively; weights are read to the thousandth, ties
    /// go to the first listed, `q=0` excludes, a malformed weight counts as 1.
    static func preferred(in bytes: UnsafeBufferPointer<UInt8>, among candidates: [String]) -> Int? {
        var best: Int?
        var bestWeight = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: ",") { end += 1 }
            if let (language, weight) = item(bytes, start..<end, candidates), weight > bestWeight {
                (best, bestWeight) = (language, weight)
            }
            start = end + 1
        }
        return best
    }

    /// One `tag[-subtags][;q=weight]` item: the matching candidate's index and its weight in thousandths.
    private static func item(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ candidates: [String]) -> (Int, Int)? {
        var tagStart = range.lowerBound
        while tagStart < range.upperBound, isSpace(bytes[tagStart]) { tagStart += 1 }
        var tagEnd = tagStart
        while tagEnd < range.upperBound, isTagByte(bytes[tagEnd]) { tagEnd += 1 }
        guard tagEnd > tagStart, let language = candidates.firstIndex(where: { matches($0, bytes, tagStart..<tagEnd) }) else {
            return nil
        }
        var weight = 1000
        var index = tagEnd
        while index < range.upperBound {
            guard bytes[index] == UInt8(ascii: ";") else { index += 1; continue }
            index += 1
            while index < range.upperBound, isSpace(bytes[index]) { index += 1 }
            if index + 1 < range.upperBound, bytes[index] | 0x20 == UInt8(ascii: "q"), bytes[index + 1] == UInt8(ascii: "=") {
                weight = qValue(bytes, (index + 2)..<range.upperBound) ?? weight
            }
        }
        return (language, weight)
    }

    /// `0`, `0.5`, `1.000`… in thousandths; nil when malformed.
    private static func qValue(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        var index = range.lowerBound
        guard index < range.upperBound, let whole = digit(bytes[index]), whole <= 1 else { return nil }
        var value = whole * 1000
        index += 1
        if index < range.upperBound, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 100
            while index < range.upperBound, scale > 0, let next = digit(bytes[index]) {
                value += next * scale
                scale /= 10
                index += 1
            }
        }
        while index < range.upperBound, isSpace(bytes[index]) { index += 1 }
        guard index == range.upperBound || bytes[index] == UInt8(ascii: ";"), value <= 1000 else { return nil }
        return value
    }

    private static func matches(_ tag: String, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard tag.utf8.count == range.count else { return false }
        return zip(tag.utf8, range).allSatisfy { expected, index in
            let byte = bytes[index]
            return byte == expected || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") && byte + 32 == expected)
        }
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Letters, digits and `*`: the primary subtag stops at `-`, `;`, `,` or a space.
    private static func isTagByte(_ byte: UInt8) -> Bool {
        (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || digit(byte) != nil || byte == UInt8(ascii: "*")
    }
}
