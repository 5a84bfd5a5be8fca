import ArgumentParser
import Dispatch
import Glibc
import RelaisControlCLI

/// The process entry. `relais ctl` runs synchronously on the main thread: no Swift concurrency worker
/// threads to start and hand the command to (measured: ~1 ms less CPU, 3 context switches instead of 11;
/// the rest of a call is the binary's own start-up). Everything else runs as an async main would:
/// `Relais.main()` on the main actor, the main queue drained.
@main
enum Entry {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == CtlCommand.configuration.commandName {
            CtlCommand.main(Array(arguments.dropFirst()))
            return
        }
        Task { @MainActor in
            await Relais.main()
            exit(0)
        }
        dispatchMain()
    }
}

/// The `relais` command: the daemon, its configuration check and the operator's control client.
struct Relais: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relais",
        abstract: "Portail captif du wifi public (mairies, médiathèques).",
        version: RelaisVersion.current,
        subcommands: [ServeCommand.self, CheckConfigCommand.self, CtlCommand.self, FirewallCleanupCommand.self,
                      PurgeCommand.self, AgentCommand.self, KeysCommand.self, LegalCommand.self, DirectoryCommand.self,
                      CollectorCommand.self])
}

/// The version printed by `--version` and reported by `relais ctl status`.
enum RelaisVersion {
    static let current = "0.1.0"
}
