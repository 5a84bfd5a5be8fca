/// A parsed configuration file: sections of `key = value` entries, each remembering its line.
public struct ConfigDocument: Sendable, Equatable {
    /// One `key = value` line (or lines, for an array).
    public struct Entry: Sendable, Equatable {
        public var key: String
        public var value: ConfigValue
        /// Line of the key.
        public var line: Int

        public init(key: String, value: ConfigValue, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// One `[name]` section; keys written before any header belong to a section named "" on line 0.
    public struct Section: Sendable, Equatable {
        public var name: String
        public var line: Int
        public var entries: [Entry]

        public init(name: String, line: Int, entries: [Entry] = []) {
            self.name = name
            self.line = line
            self.entries = entries
        }

        public func entry(_ key: String) -> Entry? {
            entries.first { $0.key == key }
        }
    }

    /// Sections in file order, each name once.
    public var sections: [Section]

    public init(sections: [Section] = []) {
        self.sections = sections
    }

    public func section(_ name: String) -> Section? {
        sections.first { $0.name == name }
    }

    public func entry(_ section: String, _ key: String) -> Entry? {
        self.section(section)?.entry(key)
    }
}

/// A value of the TOML subset: basic string, integer, boolean or array of strings.
public enum ConfigValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case stringArray([String])

    /// How the value reads in the file, for messages.
    public var rendered: String {
        switch self {
        case .string(let text): return ConfigValue.quoted(text)
        case .integer(let number): return String(number)
        case .boolean(let flag): return flag ? "true" : "false"
        case .stringArray(let items): return "[" + items.map(ConfigValue.quoted).joined(separator: ", ") + "]"
        }
    }

    /// The kind of value, for "expected a string, found an integer" messages.
    public var kindName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .boolean: return "a boolean"
        case .stringArray: return "an array"
        }
    }

    /// Double-quoted with the escapes the parser reads, so messages show the text unambiguously.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
