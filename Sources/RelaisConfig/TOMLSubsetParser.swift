/// A syntax error in a configuration file, with its 1-based line.
public struct ConfigSyntaxError: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}

/// Reads the small TOML subset relais uses: `#` comments, `[section]` headers and `key = value` lines whose
/// values are basic strings, decimal integers, booleans or arrays of strings.
///
/// It never stops at the first mistake: a bad line is reported and skipped, so the operator sees every problem
/// at once. Whatever parsed is returned alongside the errors.
public struct TOMLSubsetParser {
    struct Failure: Error {
        var line: Int
        var message: String
    }

    var scalars: [Unicode.Scalar]
    var position = 0
    var line = 1
    var document = ConfigDocument()
    var currentSection: Int?
    /// True while reading an array's elements, so recovery can skip its remaining lines.
    var inArray = false
    var errors: [ConfigSyntaxError] = []

    /// Parses `text`; `errors` is empty when the whole file is valid.
    public static func parse(_ text: String) -> (document: ConfigDocument, errors: [ConfigSyntaxError]) {
        var parser = TOMLSubsetParser(text)
        parser.parseDocument()
        return (parser.document, parser.errors)
    }

    init(_ text: String) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        // CRLF files read like LF files; a lone CR stays and is reported where it appears.
        var unixLines: [Unicode.Scalar] = []
        unixLines.reserveCapacity(scalars.count)
        for (index, scalar) in scalars.enumerated() where !(scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n") {
            unixLines.append(scalar)
        }
        self.scalars = unixLines
    }

    var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    mutating func parseDocument() {
        while true {
            skipSpaces()
            guard let scalar = current else { return }
            if scalar == "\n" {
                position += 1
                line += 1
                continue
            }
            do throws(Failure) {
                switch scalar {
                case "#": skipComment()
                case "[": try parseHeader()
                default: try parseEntry()
                }
            } catch {
                errors.append(ConfigSyntaxError(line: error.line, message: error.message))
                recover()
            }
        }
    }

    // MARK: - Lines

    mutating func parseHeader() throws(Failure) {
        let headerLine = line
        position += 1
        skipSpaces()
        if current == "[" { throw Failure(line: line, message: "arrays of tables ([[...]]) are not supported") }
        let name = readBareName()
        guard !name.isEmpty else { throw Failure(line: line, message: "expected a section name after \"[\"") }
        skipSpaces()
        if current == "." { throw Failure(line: line, message: "dotted section names are not supported") }
        guard current == "]" else { throw Failure(line: line, message: "expected \"]\" to close the section header [\(name)") }
        position += 1
        try expectEndOfLine(after: "the section header")
        if let existing = document.sections.firstIndex(where: { $0.name == name }) {
            currentSection = existing
            let first = document.sections[existing].line
            throw Failure(line: headerLine, message: "section [\(name)] is already defined on line \(first)")
        }
        document.sections.append(ConfigDocument.Section(name: name, line: headerLine))
        currentSection = document.sections.count - 1
    }

    mutating func parseEntry() throws(Failure) {
        let keyLine = line
        if current == "\"" || current == "'" { throw Failure(line: line, message: "quoted keys are not supported; write the key without quotes") }
        let key = readBareName()
        guard !key.isEmpty else { throw Failure(line: line, message: "expected a key (letters, digits, \"_\", \"-\") or a [section] header") }
        skipSpaces()
        if current == "." { throw Failure(line: line, message: "dotted keys are not supported; use a [section] header") }
        guard current == "=" else { throw Failure(line: line, message: "expected \"=\" after the key \"\(key)\"") }
        position += 1
        skipSpaces()
        let value = try parseValue()
        try expectEndOfLine(after: "the value")
        try store(ConfigDocument.Entry(key: key, value: value, line: keyLine))
    }

    mutating func store(_ entry: ConfigDocument.Entry) throws(Failure) {
        let index: Int
        if let currentSection {
            index = currentSection
        } else {
            document.sections.insert(ConfigDocument.Section(name: "", line: 0), at: 0)
            index = 0
            currentSection = 0
        }
        if let first = document.sections[index].entry(entry.key) {
            throw Failure(line: entry.line, message: "duplicate key \"\(entry.key)\" (already set on line \(first.line))")
        }
        document.sections[index].entries.append(entry)
    }

    // MARK: - Small readers

    mutating func skipSpaces() {
        while let scalar = current, scalar == " " || scalar == "\t" { position += 1 }
    }

    mutating func skipComment() {
        while let scalar = current, scalar != "\n" { position += 1 }
    }

    /// After a value or header: spaces, an optional comment, then the end of the line.
    mutating func expectEndOfLine(after what: String) throws(Failure) {
        skipSpaces()
        if current == "#" { skipComment() }
        guard current == nil || current == "\n" else {
            throw Failure(line: line, message: "unexpected text after \(what); put comments after \"#\"")
        }
    }

    mutating func readBareName() -> String {
        var name = String.UnicodeScalarView()
        while let scalar = current, Self.isBareNameScalar(scalar) {
            name.append(scalar)
            position += 1
        }
        return String(name)
    }

    static func isBareNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", "_", "-": return true
        default: return false
        }
    }

    /// Skips the rest of a bad line and, if it opened an array, the array's remaining element lines,
    /// so one mistake gives one error.
    mutating func recover() {
        skipComment()
        guard inArray else { return }
        inArray = false
        while current == "\n" {
            var lookahead = position + 1
            while lookahead < scalars.count, scalars[lookahead] == " " || scalars[lookahead] == "\t" { lookahead += 1 }
            guard lookahead < scalars.count, ["\"", ",", "]"].contains(scalars[lookahead]) else { return }
            position = lookahead
            line += 1
            skipComment()
        }
    }
}
