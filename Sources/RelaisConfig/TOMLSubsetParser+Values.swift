extension TOMLSubsetParser {
    mutating func parseValue() throws(Failure) -> ConfigValue {
        switch current {
        case nil, "\n", "#":
            throw Failure(line: line, message: "missing value after \"=\"")
        case "\"":
            if peek(1) == "\"" && peek(2) == "\"" { throw Failure(line: line, message: "multi-line strings (\"\"\") are not supported") }
            return .string(try parseString())
        case "'":
            throw Failure(line: line, message: "single-quoted strings are not supported; use double quotes")
        case "[":
            return .stringArray(try parseArray())
        case let scalar? where scalar == "+" || scalar == "-" || ("0"..."9").contains(scalar):
            return .integer(try parseInteger())
        default:
            let word = readWord()
            if word == "true" { return .boolean(true) }
            if word == "false" { return .boolean(false) }
            guard !word.isEmpty else { throw Failure(line: line, message: "expected a value after \"=\"") }
            throw Failure(line: line, message: "\(word) is not a value; text must be in double quotes, e.g. \"\(word)\"")
        }
    }

    /// A basic string on one line, with the escapes \" \\ \n \t and \uXXXX.
    mutating func parseString() throws(Failure) -> String {
        position += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current, scalar != "\n" else {
                throw Failure(line: line, message: "unterminated string: missing closing \"")
            }
            position += 1
            switch scalar {
            case "\"":
                return String(text)
            case "\\":
                text.append(try parseEscape())
            case "\t":
                text.append(scalar)
            default:
                guard scalar.value >= 0x20, scalar.value != 0x7F else {
                    throw Failure(line: line, message: "control characters in strings must be escaped (\\n, \\t or \\uXXXX)")
                }
                text.append(scalar)
            }
        }
    }

    mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        let supported = "use \\\" \\\\ \\n \\t or \\uXXXX"
        guard let scalar = current, scalar != "\n" else {
            throw Failure(line: line, message: "unterminated string: missing closing \"")
        }
        position += 1
        switch scalar {
        case "\"": return "\""
        case "\\": return "\\"
        case "n": return "\n"
        case "t": return "\t"
        case "u":
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = current, let nibble = Self.hexValue(digit) else {
                    throw Failure(line: line, message: "\\u must be followed by four hexadecimal digits")
                }
                value = value << 4 | nibble
                position += 1
            }
            guard let decoded = Unicode.Scalar(value) else {
                throw Failure(line: line, message: "\\u\(String(value, radix: 16, uppercase: true)) is not a Unicode character")
            }
            return decoded
        default:
            throw Failure(line: line, message: "unsupported escape \\\(scalar); \(supported)")
        }
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f": return scalar.value - 0x61 + 10
        case "A"..."F": return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// A decimal integer: optional sign, digits, single underscores between digits, no leading zero.
    mutating func parseInteger() throws(Failure) -> Int {
        let word = readWord()
        var digits = Substring(word)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        if digits.hasPrefix("0x") || digits.hasPrefix("0o") || digits.hasPrefix("0b") {
            throw Failure(line: line, message: "\(word): only decimal integers are supported")
        }
        if digits.contains(".") || digits.contains("e") || digits.contains("E") {
            throw Failure(line: line, message: "\(word): decimal numbers are not supported; use a whole number")
        }
        let validShape = !digits.isEmpty && digits.first != "_" && digits.last != "_" && !digits.contains("__")
            && digits.allSatisfy { $0 == "_" || ("0"..."9").contains($0) }
        guard validShape else {
            throw Failure(line: line, message: "\(word) is not a valid integer; text must be in double quotes")
        }
        let plain = digits.filter { $0 != "_" }
        if plain.count > 1 && plain.first == "0" {
            throw Failure(line: line, message: "\(word): leading zeros are not allowed")
        }
        guard let magnitude = Int(negative ? "-" + plain : plain) else {
            throw Failure(line: line, message: "\(word) is too large")
        }
        return magnitude
    }

    /// An array of strings; may span lines and hold comments; a trailing comma is allowed.
    mutating func parseArray() throws(Failure) -> [String] {
        let openingLine = line
        position += 1
        inArray = true
        var items: [String] = []
        while true {
            skipBlankLinesAndComments()
            switch current {
            case nil:
                throw Failure(line: openingLine, message: "unclosed array: missing \"]\"")
            case "]":
                position += 1
                inArray = false
                return items
            case "\"":
                items.append(try parseString())
            default:
                throw Failure(line: line, message: "arrays may only hold strings in double quotes")
            }
            skipBlankLinesAndComments()
            switch current {
            case ",": position += 1
            case "]": continue
            case nil: throw Failure(line: openingLine, message: "unclosed array: missing \"]\"")
            default: throw Failure(line: line, message: "expected \",\" or \"]\" between array items")
            }
        }
    }

    mutating func skipBlankLinesAndComments() {
        while let scalar = current {
            switch scalar {
            case " ", "\t": position += 1
            case "#": skipComment()
            case "\n":
                position += 1
                line += 1
            default: return
            }
        }
    }

    /// A run of characters that could belong to a mistyped bare value, for messages.
    mutating func readWord() -> String {
        var word = String.UnicodeScalarView()
        while let scalar = current, scalar != " ", scalar != "\t", scalar != "\n", scalar != "#", scalar != ",", scalar != "]" {
            word.append(scalar)
            position += 1
        }
        return String(word)
    }
}
