/// Durations written for people: `90s`, `30m`, `4h`, `1h30m`, `2d`, or plain seconds.
public enum ConfigDuration {
    static let units: [(symbol: Character, seconds: Int)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]

    /// Seconds in `text`; units in decreasing order, each at most once, no spaces. nil when unreadable or too large.
    public static func seconds(in text: some StringProtocol) -> Int? {
        guard !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCIIDigit) { return Int(text) }
        var total = 0, number = "", nextUnit = 0
        for character in text {
            if character.isASCIIDigit {
                number.append(character)
                continue
            }
            guard !number.isEmpty, let value = Int(number),
                  let unit = units[nextUnit...].firstIndex(where: { $0.symbol == character }) else { return nil }
            let (scaled, overflow) = value.multipliedReportingOverflow(by: units[unit].seconds)
            let (sum, overflow2) = total.addingReportingOverflow(scaled)
            guard !overflow, !overflow2 else { return nil }
            total = sum
            number = ""
            nextUnit = unit + 1
        }
        return number.isEmpty ? total : nil
    }

    /// The shortest text `seconds(in:)` reads back as `seconds`, e.g. `1h30m`; `0s` for zero.
    public static func format(_ seconds: Int) -> String {
        guard seconds > 0 else { return "\(seconds)s" }
        var rest = seconds, text = ""
        for unit in units where rest >= unit.seconds {
            text += "\(rest / unit.seconds)\(unit.symbol)"
            rest %= unit.seconds
        }
        return text
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (0x30...0x39).contains($0) } ?? false }
}
