/// HTML escaping of `& < > " '`, on UTF-8 bytes: what every `{{name}}` writes.
enum HTMLEscaping {
    /// The entity for a byte that needs one.
    @inline(__always)
    static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }

    /// Appends `text` escaped; runs without special characters are copied whole.
    static func append(_ text: String, to output: inout String) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            if let entity = entity(for: utf8[index]) {
                // The special characters are ASCII, so both ends of the run are character boundaries.
                if runStart != index { output.append(contentsOf: text[runStart..<index]) }
                output.append(entity)
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if runStart == utf8.startIndex {
            output.append(text)
        } else if runStart != utf8.endIndex {
            output.append(contentsOf: text[runStart...])
        }
    }

    /// Appends `text` escaped, as bytes; runs without special characters are copied whole.
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in bytes.indices {
                guard let entity = entity(for: bytes[index]) else { continue }
                output.append(contentsOf: bytes[runStart..<index])
                output.append(contentsOf: entity.utf8)
                runStart = index + 1
            }
            output.append(contentsOf: bytes[runStart...])
        }
    }
}
