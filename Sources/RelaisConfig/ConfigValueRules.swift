/// The checks each setting goes through, as reusable rules: type, range, allowed words, durations.
enum ConfigValueRules {
    static func text(_ value: ConfigValue, expected: String) throws(ValueRejection) -> String {
        guard case .string(let text) = value else {
            throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: expected)
        }
        return text
    }

    static func integer(in range: ClosedRange<Int>) -> ConfigRule<Int> {
        { value throws(ValueRejection) in
            let allowed = "an integer from \(range.lowerBound) to \(range.upperBound)"
            guard case .integer(let number) = value else {
                throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: allowed)
            }
            guard range.contains(number) else { throw ValueRejection(problem: "\(number) is out of range", allowed: allowed) }
            return number
        }
    }

    static func choice(_ choices: [String]) -> ConfigRule<String> {
        { value throws(ValueRejection) in
            let allowed = "one of: " + choices.joined(separator: ", ")
            let word = try text(value, expected: allowed)
            guard choices.contains(word) else { throw ValueRejection(problem: "\(value.rendered) is not allowed", allowed: allowed) }
            return word
        }
    }

    /// A duration string such as "1h30m", or an integer of seconds.
    static func duration(in range: ClosedRange<Int>) -> ConfigRule<Int> {
        { value throws(ValueRejection) in
            let allowed = "a duration from \(ConfigDuration.format(range.lowerBound)) to \(ConfigDuration.format(range.upperBound))"
                + ", such as \"90s\", \"30m\", \"4h\" or \"1h30m\""
            let seconds: Int
            switch value {
            case .integer(let number):
                seconds = number
            case .string(let text):
                guard let parsed = ConfigDuration.seconds(in: text) else {
                    throw ValueRejection(problem: "\(value.rendered) is not a duration", allowed: allowed)
                }
                seconds = parsed
            default:
                throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: allowed)
            }
            guard range.contains(seconds) else { throw ValueRejection(problem: "\(value.rendered) is out of range", allowed: allowed) }
            return seconds
        }
    }

    /// Text shown to people: not empty, no control characters, bounded length.
    static func label(maxLength: Int) -> ConfigRule<String> {
        { value throws(ValueRejection) in
            let allowed = "text of 1 to \(maxLength) characters without control characters"
            let label = try text(value, expected: allowed)
            guard !label.allSatisfy(\.isWhitespace) else { throw ValueRejection(problem: "must not be empty", allowed: allowed) }
            guard label.count <= maxLength else { throw ValueRejection(problem: "is \(label.count) characters long", allowed: allowed) }
            guard !label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw ValueRejection(problem: "\(value.rendered) contains a control character", allowed: allowed)
            }
            return label
        }
    }

    /// A name made of ASCII letters, digits and a few punctuation marks, starting with a letter or "_".
    static func identifier(_ value: ConfigValue, allowedPunctuation: Set<Character>, maxLength: Int, allowed: String) throws(ValueRejection) -> String {
        let name = try text(value, expected: allowed)
        let first = name.first
        let valid = (1...maxLength).contains(name.count) && (first == "_" || first?.isASCIILetter == true)
            && name.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || allowedPunctuation.contains($0) }
        guard valid else { throw ValueRejection(problem: "\(value.rendered) is not a valid name", allowed: allowed) }
        return name
    }
}

extension Character {
    var isASCIILetter: Bool { asciiValue.map { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) } ?? false }
}
