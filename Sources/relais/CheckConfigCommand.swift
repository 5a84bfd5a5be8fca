import ArgumentParser
import FoundationEssentials
import RelaisConfig
import RelaisControlCLI
import RelaisTime
import RelaisWeb

/// `relais check-config PATH`: prints every error and warning of a configuration file; exits non-zero on errors only.
/// It runs the rules `serve` runs (`RelaisConfigLoader.check`), so a file it accepts starts.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Vérifie un fichier de configuration et affiche chaque erreur et avertissement.")

    @Argument(help: "Le fichier de configuration, par exemple /etc/relais/relais.toml.")
    var path: String

    func run() throws {
        if try CollectorConfigFile.checkIfCollectorFile(path) { return }
        let result: ConfigCheck
        do {
            result = try ConfigFile.check(path)
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode.failure
        }
        let issues = (result.errors + result.warnings).sorted { $0.line < $1.line }
        if !issues.isEmpty { StandardStreams.writeError(ConfigIssues(issues).description + "\n") }
        guard let config = result.config else { throw ExitCode.failure }
        // `serve` loads the zone at start: a name that passes the syntax rule but names no zone fails here too.
        do {
            _ = try ZoneInfoDatabase().rules(named: config.site.timeZone)
        } catch {
            StandardStreams.writeError("\(path): site.time_zone: \(error)\n")
            throw ExitCode.failure
        }
        let verdict = result.warnings.isEmpty ? "OK" : "OK, \(result.warnings.count) avertissement(s)"
        print("\(path): \(verdict) (portail \(PortalSettings(config: config).portalURL), interface \(config.network.lanInterface), pare-feu \(config.network.firewall.rawValue))")
    }
}
