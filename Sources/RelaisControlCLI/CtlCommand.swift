import ArgumentParser
import RelaisControl
import RelaisCore

/// `relais ctl`: the operator's client for the running daemon, over its local control socket.
/// Its subcommands come from the command registry (`ControlCommands.all`), one generic subcommand per shape.
public struct CtlCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "ctl",
        // Run on its own by `Entry`: its help and errors still read « relais ctl ».
        _superCommandName: "relais",
        abstract: "Pilote le démon relais en cours d'exécution.",
        discussion: """
            Codes de sortie : 0 succès ; 1 refus ou échec signalé par le démon, ou adresse refusée ; \
            65 adresse MAC invalide (rien n'est envoyé) ; 69 démon injoignable.
            """,
        subcommands: ControlCommands.all.compactMap(subcommand(for:)))

    @OptionGroup var connection: ControlConnectionOptions

    public init() {}

    /// The CLI form of a registered command, by its shape.
    private static func subcommand(for command: any ControlCommand.Type) -> (any ParsableCommand.Type)? {
        if let batch = command as? any MACBatchCommand.Type { return batch.cliSubcommand }
        if let plain = command as? any PlainControlCommand.Type { return plain.cliSubcommand }
        return nil
    }
}

extension PlainControlCommand {
    static var cliSubcommand: any ParsableCommand.Type { PlainSubcommand<Self>.self }
}

extension MACBatchCommand {
    static var cliSubcommand: any ParsableCommand.Type { MACBatchSubcommand<Self>.self }
}

/// `relais ctl status`, `relais ctl clients [--json]`: asks, prints the answer.
struct PlainSubcommand<Command: PlainControlCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Command.subcommand, abstract: Command.abstract)
    }

    @OptionGroup var connection: ControlConnectionOptions
    @Flag(help: "Sortie JSON, pour les scripts.") var json = false

    func run() throws {
        let response = try connection.send(Command.self, NoArguments())
        print(Command.render(response, json: json), terminator: "")
    }
}

/// `relais ctl auth|deauth|block|unblock MAC… | -`: sends the batch, prints the outcome; exits 1 when
/// the daemon refused any address, saying which and why.
struct MACBatchSubcommand<Command: MACBatchCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Command.subcommand, abstract: Command.abstract)
    }

    @OptionGroup var connection: ControlConnectionOptions
    @OptionGroup var devices: MACBatchArguments

    func run() throws {
        try Command.sendBatch(try devices.parse(connection: connection), socket: connection.socket)
    }
}

extension MACBatchCommand {
    /// Sends the batch, prints the outcome; throws the exit code when the call failed or any address was refused.
    static func sendBatch(_ macs: [MACAddress], socket: String) throws(ExitCode) {
        let outcome = try ControlConnectionOptions.send(Self.self, MACBatch(macs), socket: socket)
        print(BatchSummary.render(outcome, verb: verb), terminator: "")
        if let refusal = BatchSummary.refusal(outcome) { throw ControlConnectionOptions.fail(refusal, code: .failure) }
    }
}
