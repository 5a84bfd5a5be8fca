/// Why one value was refused: what is wrong, and what would be accepted.
struct ValueRejection: Error {
    var problem: String
    var allowed: String?
}

/// A conversion from a raw value to a typed setting, refusing bad values with a reason.
typealias ConfigRule<T> = (ConfigValue) throws(ValueRejection) -> T

/// Walks a parsed document for the loader: converts known keys, checks names, and collects every issue.
struct ConfigReader {
    let document: ConfigDocument
    let fileName: String
    private(set) var issues: [ConfigIssue] = []
    /// `section.key` of values that were refused, so checks across keys do not pile on.
    private(set) var rejectedKeys: Set<String> = []

    init(document: ConfigDocument, fileName: String) {
        self.document = document
        self.fileName = fileName
    }

    mutating func report(line: Int, key: String?, problem: String, allowed: String? = nil) {
        issues.append(ConfigIssue(file: fileName, line: line, key: key, problem: problem, allowed: allowed))
    }

    /// A risk the file is accepted with; `advice` says what to do about it.
    mutating func warn(line: Int, key: String, problem: String, advice: String? = nil) {
        issues.append(ConfigIssue(file: fileName, line: line, key: key, problem: problem, allowed: advice, severity: .warning))
    }

    /// Sets `target` from `section.key` when present and valid; leaves the default otherwise.
    mutating func set<T>(_ target: inout T, _ section: String, _ key: String, _ rule: ConfigRule<T>) {
        guard let entry = document.entry(section, key) else { return }
        do {
            target = try rule(entry.value)
        } catch {
            rejectedKeys.insert("\(section).\(key)")
            report(line: entry.line, key: "\(section).\(key)", problem: error.problem, allowed: error.allowed)
        }
    }

    func line(_ section: String, _ key: String) -> Int? {
        document.entry(section, key)?.line
    }

    /// Reports sections and keys that `schema` does not know, suggesting the likely intended name.
    mutating func checkNames(against schema: [(section: String, keys: [String])]) {
        let sectionNames = schema.map(\.section)
        for section in document.sections {
            if section.name.isEmpty {
                for entry in section.entries {
                    let home = schema.first { $0.keys.contains(entry.key) }
                    let hint = home.map { "; put it under [\($0.section)]" } ?? ""
                    report(line: entry.line, key: entry.key, problem: "key outside any section" + hint)
                }
                continue
            }
            // A name ending in "*" stands for every section with that prefix (`[consent-newsletter]`).
            guard let keys = schema.first(where: { $0.section == section.name
                || ($0.section.hasSuffix("*") && section.name.count >= $0.section.count && section.name.hasPrefix($0.section.dropLast())) })?.keys else {
                if let guess = ConfigSuggestion.closest(to: section.name, among: sectionNames) {
                    report(line: section.line, key: section.name, problem: "unknown section; did you mean [\(guess)]?")
                } else {
                    report(line: section.line, key: section.name, problem: "unknown section",
                           allowed: "one of: " + sectionNames.map { "[\($0)]" }.joined(separator: ", "))
                }
                continue
            }
            for entry in section.entries where !keys.contains(entry.key) {
                let name = "\(section.name).\(entry.key)"
                if let guess = ConfigSuggestion.closest(to: entry.key, among: keys) {
                    report(line: entry.line, key: name, problem: "unknown key; did you mean \"\(guess)\"?")
                } else if let home = schema.first(where: { $0.keys.contains(entry.key) }) {
                    report(line: entry.line, key: name, problem: "unknown key in [\(section.name)]; did you mean \(home.section).\(entry.key)?")
                } else {
                    report(line: entry.line, key: name, problem: "unknown key", allowed: "one of: " + keys.joined(separator: ", "))
                }
            }
        }
    }
}
