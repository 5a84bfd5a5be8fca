import ArgumentParser

/// The `relais` command: the daemon, its configuration check and the operator's control client.
@main
struct Relais: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relais",
        abstract: "Portail captif du wifi public (mairies, médiathèques).",
        version: RelaisVersion.current,
        subcommands: [ServeCommand.self, CheckConfigCommand.self, CtlCommand.self, FirewallCleanupCommand.self])
}

/// The version printed by `--version` and reported by `relais ctl status`.
enum RelaisVersion {
    static let current = "0.1.0"
}
