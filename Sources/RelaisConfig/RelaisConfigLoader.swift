/// Turns the text of `relais.toml` into a `RelaisConfig`, starting from `RelaisConfig.defaults`,
/// or into every problem found at once. Pure: the caller reads the file and passes its folder.
public enum RelaisConfigLoader {
    /// Log levels, as swift-log names them.
    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
    /// Session length: from one second (tests use a few seconds) to a week.
    public static var sessionDurationRange: ClosedRange<Int> { ConfigSection.sessionDurationRange }

    /// Known sections and keys, in the order of the example file.
    static var schema: [(section: String, keys: [String])] {
        ConfigSection.all.map { ($0.name, $0.keys) }
    }

    /// Loads `text`, the content of the file named `fileName` (used in messages, e.g. `relais.toml`).
    /// Relative paths in the file are resolved against `directory`, the file's absolute folder.
    /// Warnings do not refuse the file: `check` returns them.
    public static func load(fileName: String, text: String, directory: String) -> Result<RelaisConfig, ConfigIssues> {
        let result = check(fileName: fileName, text: text, directory: directory)
        guard let config = result.config else { return .failure(ConfigIssues(result.errors)) }
        return .success(config)
    }

    /// Reads `text` as `load` does and returns the config (nil when there are errors), the errors and the warnings.
    /// `check-config` and `serve` both go through here, so they refuse and warn about the same things.
    public static func check(fileName: String, text: String, directory: String) -> ConfigCheck {
        let (document, syntaxErrors) = TOMLSubsetParser.parse(text)
        var reader = ConfigReader(document: document, fileName: fileName)
        for error in syntaxErrors { reader.report(line: error.line, key: nil, problem: error.message) }
        reader.checkNames(against: schema)

        var config = RelaisConfig.defaults
        for section in ConfigSection.all { section.read(&config, &reader, directory) }
        // Checks across keys would only repeat a syntax error in other words.
        if syntaxErrors.isEmpty {
            for section in ConfigSection.all { section.check(config, &reader) }
        }

        // Stable sort: issues on one line keep the order they were found in.
        let issues = reader.issues.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        let errors = issues.filter { $0.severity == .error }
        return ConfigCheck(config: errors.isEmpty ? config : nil, errors: errors, warnings: issues.filter { $0.severity == .warning })
    }
}

/// What `RelaisConfigLoader.check` found: the config when the file is accepted, and every issue by severity.
public struct ConfigCheck: Sendable, Equatable {
    /// Nil when `errors` is not empty.
    public var config: RelaisConfig?
    public var errors: [ConfigIssue]
    public var warnings: [ConfigIssue]
}
