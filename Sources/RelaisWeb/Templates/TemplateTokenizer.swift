/// Cuts template text into tokens: text split after each newline, and `{{…}}` tags.
enum TemplateTokenizer {
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let newline = UInt8(ascii: "\n")

    static func tokenize(_ text: String) throws -> [TemplateToken] {
        let bytes = Array(text.utf8)
        var tokens: [TemplateToken] = []
        var line = 1
        var textStart = 0
        var index = 0

        func emitText(upTo end: Int) {
            guard end > textStart else { return }
            tokens.append(TemplateToken(.text(String(decoding: bytes[textStart..<end], as: UTF8.self)), line: line))
        }

        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline {
                emitText(upTo: index + 1)
                line += 1
                index += 1
                textStart = index
            } else if byte == openBrace, index + 1 < bytes.count, bytes[index + 1] == openBrace {
                emitText(upTo: index)
                guard let end = closingBraces(in: bytes, from: index + 2) else {
                    throw TemplateError(.unclosedTag, line: line)
                }
                let content = bytes[(index + 2)..<end]
                tokens.append(TemplateToken(try tag(content, line: line), line: line))
                line += content.reduce(0) { $1 == newline ? $0 + 1 : $0 }
                index = end + 2
                textStart = index
            } else {
                index += 1
            }
        }
        emitText(upTo: bytes.count)
        return tokens
    }

    /// The index of the first `}}` at or after `start`.
    private static func closingBraces(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == closeBrace, bytes[index + 1] == closeBrace { return index }
            index += 1
        }
        return nil
    }

    /// The kind of tag whose inside (between the braces) is `content`.
    private static func tag(_ content: ArraySlice<UInt8>, line: Int) throws -> TemplateToken.Kind {
        let trimmed = trimmingWhitespace(content)
        guard let sigil = trimmed.first else { throw TemplateError(.emptyName, line: line) }
        switch sigil {
        case UInt8(ascii: "!"): return .comment
        case UInt8(ascii: "#"): return .section(try name(trimmed.dropFirst(), line: line))
        case UInt8(ascii: "^"): return .invertedSection(try name(trimmed.dropFirst(), line: line))
        case UInt8(ascii: "$"): return .block(try name(trimmed.dropFirst(), line: line))
        case UInt8(ascii: "<"): return .parent(try name(trimmed.dropFirst(), line: line))
        case UInt8(ascii: "/"): return .close(try name(trimmed.dropFirst(), line: line))
        case UInt8(ascii: ">"): return .partial(try name(trimmed.dropFirst(), line: line))
        case UInt8(ascii: "="), UInt8(ascii: "{"), UInt8(ascii: "&"):
            throw TemplateError(.unsupportedTag("{{" + String(decoding: content, as: UTF8.self) + "}}"), line: line)
        default: return .variable(try name(trimmed, line: line))
        }
    }

    /// A tag name: not empty, without whitespace or braces.
    private static func name(_ bytes: ArraySlice<UInt8>, line: Int) throws -> String {
        let trimmed = trimmingWhitespace(bytes)
        guard !trimmed.isEmpty else { throw TemplateError(.emptyName, line: line) }
        let name = String(decoding: trimmed, as: UTF8.self)
        guard !trimmed.contains(where: { isWhitespace($0) || $0 == openBrace || $0 == closeBrace }) else {
            throw TemplateError(.invalidName(name), line: line)
        }
        return name
    }

    private static func trimmingWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, isWhitespace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isWhitespace(last) { slice = slice.dropLast() }
        return slice
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}
