import ArgumentParser
import Logging
import RelaisConfig
import RelaisControlCLI
import RelaisNetfilter

/// `relais firewall-cleanup`: deletes relais's own nftables table, named by the config, and nothing else.
/// The unit's `ExecStopPost`, so the table is removed even after a crash; harmless when there is none.
struct FirewallCleanupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "firewall-cleanup",
        abstract: "Supprime la table nftables de relais (après un arrêt ou un plantage).")

    @Option(name: .long, help: "Le fichier de configuration.")
    var config: String = "/etc/relais/relais.toml"

    func run() throws {
        let settings: RelaisConfig
        do {
            settings = try ConfigFile.load(config)
        } catch {
            StandardStreams.writeError("\(error)\n")
            throw ExitCode.failure
        }
        guard settings.network.firewall == .nftables else { return }
        do {
            // `uninstall` adds then deletes the table: no error when it is already gone.
            try NFTablesFirewall(tableName: settings.network.table, logger: Logger(label: "relais.firewall")).uninstall()
        } catch {
            StandardStreams.writeError("relais firewall-cleanup : \(error)\n")
            throw ExitCode.failure
        }
    }
}
