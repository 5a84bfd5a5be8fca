import ArgumentParser
import FoundationEssentials
import RelaisWeb

/// `relais check-config PATH`: prints every problem of a configuration file, exits non-zero if any.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Vérifie un fichier de configuration et affiche chaque erreur.")

    @Argument(help: "Le fichier de configuration, par exemple /etc/relais/relais.toml.")
    var path: String

    func run() throws {
        do {
            let config = try ConfigFile.load(path)
            print("\(path): OK (portail \(PortalSettings(config: config).portalURL), interface \(config.network.lanInterface), pare-feu \(config.network.firewall.rawValue))")
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode.failure
        }
    }
}
