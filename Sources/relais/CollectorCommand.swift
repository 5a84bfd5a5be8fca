import ArgumentParser
import FoundationEssentials
import RelaisConfig
import RelaisControlCLI
import RelaisStore

/// `relais collector`: the département's side of the statistics (serve, and the register of boxes).
struct CollectorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "collector",
        abstract: "Collecteur du département : reçoit les rapports signés des boîtiers.",
        subcommands: [CollectorServeCommand.self, CollectorBoxCommand.self, CollectorExportCommand.self])

    struct Options: ParsableArguments {
        @Option(name: .long, help: "Le fichier de configuration du collecteur.")
        var config: String = "/etc/relais-collector/collector.toml"

        func load() throws -> CollectorConfig {
            let result: CollectorConfigCheck
            do {
                result = try CollectorConfigFile.check(config)
            } catch {
                throw CollectorCommand.fail("\(error)")
            }
            guard let loaded = result.config else { throw CollectorCommand.fail(ConfigIssues(result.errors).description) }
            return loaded
        }

        func database() throws -> CollectorDatabase {
            let path = try load().database
            do {
                return try CollectorDatabase.open(path: path, readers: 1)
            } catch {
                throw CollectorCommand.fail("\(error)")
            }
        }
    }

    static func fail(_ message: String) -> ExitCode {
        StandardStreams.writeError(message + "\n")
        return ExitCode.failure
    }
}

/// Reads a collector's configuration file.
enum CollectorConfigFile {
    static func check(_ path: String) throws(ConfigFile.Unreadable) -> CollectorConfigCheck {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        return CollectorConfigLoader.check(fileName: url.lastPathComponent, text: try text(path), directory: url.deletingLastPathComponent().path)
    }

    static func text(_ path: String) throws(ConfigFile.Unreadable) -> String {
        let bytes: [UInt8]
        do {
            bytes = try StandardStreams.readFile(URL(fileURLWithPath: path).standardizedFileURL.path)
        } catch {
            throw ConfigFile.Unreadable(path: path, reason: error.description)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw ConfigFile.Unreadable(path: path, reason: "not UTF-8 text") }
        return text
    }

    /// `check-config` on a collector's file (one with a `[collector]` section): true when it was one.
    static func checkIfCollectorFile(_ path: String) throws -> Bool {
        guard let text = try? text(path), CollectorConfigLoader.isCollectorFile(text) else { return false }
        let result = try check(path)
        let issues = (result.errors + result.warnings).sorted { $0.line < $1.line }
        if !issues.isEmpty { StandardStreams.writeError(ConfigIssues(issues).description + "\n") }
        guard let config = result.config else { throw ExitCode.failure }
        print("\(path): OK, collecteur (\(config.hasTLS ? "https" : "http")://\(config.listenAddress):\(config.port), base \(config.database))")
        return true
    }
}
