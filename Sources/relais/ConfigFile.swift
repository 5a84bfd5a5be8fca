import FoundationEssentials
import RelaisConfig
import RelaisControlCLI

/// Reads the configuration file: the only place the program touches it.
enum ConfigFile {
    struct Unreadable: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): cannot read the configuration file: \(reason)" }
    }

    /// The config, or every error at once; warnings are dropped (`check` returns them).
    static func load(_ path: String) throws -> RelaisConfig {
        let result = try check(path)
        guard let config = result.config else { throw ConfigIssues(result.errors) }
        return config
    }

    /// Errors and warnings, by the same rules for `check-config` and `serve`.
    static func check(_ path: String) throws(Unreadable) -> ConfigCheck {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let bytes: [UInt8]
        do {
            bytes = try StandardStreams.readFile(url.path)
        } catch {
            throw Unreadable(path: path, reason: error.description)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Unreadable(path: path, reason: "not UTF-8 text")
        }
        return RelaisConfigLoader.check(fileName: url.lastPathComponent, text: text, directory: url.deletingLastPathComponent().path)
    }
}
