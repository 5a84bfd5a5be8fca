/// The texts of the pages in one language: `key = value` lines read from `messages/<lang>.catalogue`.
public struct MessageCatalogue: Sendable {
    public let language: PortalLanguage
    let entries: [String: String]
    /// Every proper prefix of a key, dot included (`splash.` for `splash.title`): the template names that lead somewhere.
    let prefixes: Set<String>

    init(language: PortalLanguage, entries: [String: String]) {
        self.language = language
        self.entries = entries
        var prefixes = Set<String>()
        for key in entries.keys {
            var index = key.startIndex
            while let dot = key[index...].firstIndex(of: ".") {
                prefixes.insert(String(key[...dot]))
                index = key.index(after: dot)
            }
        }
        self.prefixes = prefixes
    }

    /// Parses the catalogue format: UTF-8 lines `key = value`; blank lines and lines starting with `#`
    /// are ignored; keys are letters, digits, `_`, `-` and dots; a key given twice is an error.
    /// Values are taken as written (spaces around `=` removed), `{name}` marks a placeholder.
    static func parse(_ text: String, language: PortalLanguage, file: String) throws(CatalogueError) -> MessageCatalogue {
        var entries: [String: String] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingOptionalWhitespace()
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw CatalogueError(.malformedLine, file: file, line: offset + 1, language: language)
            }
            let key = String(line[..<equals].trimmingOptionalWhitespace())
            let value = String(line[line.index(after: equals)...].trimmingOptionalWhitespace())
            guard MessageKey.isValid(key) else {
                throw CatalogueError(.malformedLine, file: file, line: offset + 1, language: language, key: key)
            }
            guard entries[key] == nil else {
                throw CatalogueError(.duplicateKey, file: file, line: offset + 1, language: language, key: key)
            }
            entries[key] = value
        }
        return MessageCatalogue(language: language, entries: entries)
    }

    /// The text of `key`; the start-up check guarantees it exists for the keys the code uses.
    public subscript(key: String) -> String {
        entries[key] ?? key
    }

    /// The text of `key` with each `{name}` replaced by its value (values are escaped later, when rendered).
    public func format(_ key: String, _ arguments: [String: String]) -> String {
        var text = self[key]
        for (name, value) in arguments {
            text = text.replacing("{\(name)}", with: value)
        }
        return text
    }

    /// The keys, for the completeness check.
    var keys: Set<String> { Set(entries.keys) }

    /// What templates see as `t`: `{{t.splash.title}}` looks up the key `splash.title`.
    var templateValue: MessageCatalogueView { MessageCatalogueView(catalogue: self, prefix: "") }
}

/// A catalogue seen from a key prefix, so that dotted template names walk the dotted keys.
struct MessageCatalogueView: TemplateKeyedValue {
    let catalogue: MessageCatalogue
    let prefix: String

    func templateMember(_ key: String) -> Any? {
        let full = prefix + key
        if let text = catalogue.entries[full] { return text }
        let next = full + "."
        return catalogue.prefixes.contains(next) ? MessageCatalogueView(catalogue: catalogue, prefix: next) : nil
    }
}

/// Rules for message keys.
enum MessageKey {
    static func isValid(_ key: String) -> Bool {
        !key.isEmpty && !key.hasPrefix(".") && !key.hasSuffix(".") && !key.contains("..")
            && key.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            }
    }
}
