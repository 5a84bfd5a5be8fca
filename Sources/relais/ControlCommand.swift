import ArgumentParser
import FoundationEssentials
import RelaisControl
import RelaisConfig
import RelaisCore

/// `relais ctl`: the operator's client for the running daemon, over its local control socket.
struct ControlCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ctl",
        abstract: "Pilote le démon relais en cours d'exécution.",
        discussion: """
            Codes de sortie : 0 succès ; 1 refus ou échec signalé par le démon ; \
            65 adresse MAC invalide (rien n'est envoyé) ; 69 démon injoignable.
            """,
        subcommands: [Status.self, Clients.self, Auth.self, Deauth.self, Block.self, Unblock.self])

    @OptionGroup var connection: ControlConnectionOptions

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "État du démon : version, pare-feu, sessions.")
        @OptionGroup var connection: ControlConnectionOptions

        func run() throws {
            let response = try connection.send(.status)
            guard let status = response.status else { throw connection.fail("réponse sans état", code: .failure) }
            print(StatusSummary.render(status), terminator: "")
        }
    }

    struct Clients: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Liste les appareils connectés.")
        @OptionGroup var connection: ControlConnectionOptions
        @Flag(help: "Sortie JSON, pour les scripts.") var json = false

        func run() throws {
            let response = try connection.send(.clients)
            let clients = response.clients ?? []
            guard json else {
                print(ClientTable.render(clients, now: Date()), terminator: "")
                return
            }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(clients), as: UTF8.self))
        }
    }

    struct Auth: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Autorise des appareils sans passer par le portail.")
        @OptionGroup var connection: ControlConnectionOptions
        @OptionGroup var devices: MACBatchArguments
        func run() throws { try devices.send(ControlRequest.authorize, over: connection) }
    }

    struct Deauth: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Déconnecte des appareils.")
        @OptionGroup var connection: ControlConnectionOptions
        @OptionGroup var devices: MACBatchArguments
        func run() throws { try devices.send(ControlRequest.deauthorize, over: connection) }
    }

    struct Block: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bloque des appareils (et met fin à leur session).")
        @OptionGroup var connection: ControlConnectionOptions
        @OptionGroup var devices: MACBatchArguments
        func run() throws { try devices.send(ControlRequest.block, over: connection) }
    }

    struct Unblock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Débloque des appareils.")
        @OptionGroup var connection: ControlConnectionOptions
        @OptionGroup var devices: MACBatchArguments
        func run() throws { try devices.send(ControlRequest.unblock, over: connection) }
    }
}

/// `--socket`, accepted before or after the subcommand name.
struct ControlConnectionOptions: ParsableArguments {
    @Option(help: "Socket de contrôle du démon.")
    var socket = RelaisConfig.defaults.control.socketPath

    /// Sends `request`; prints the reason on stderr and exits non-zero when it fails.
    func send(_ request: ControlRequest) throws -> ControlResponse {
        let response: ControlResponse
        do {
            response = try ControlClient(socketPath: socket).send(request)
        } catch {
            throw fail(error.description, code: ExitCode(69))
        }
        guard response.ok else { throw fail(response.error ?? "échec", code: .failure) }
        return response
    }

    func fail(_ message: String, code: ExitCode) -> ExitCode {
        StandardStreams.writeError("relais ctl : \(message)\n")
        return code
    }
}

/// The devices of a batch command: MAC addresses as arguments, or `-` / `--stdin` to read one per line.
struct MACBatchArguments: ParsableArguments {
    @Argument(help: "Adresses MAC (aa:bb:cc:dd:ee:ff), ou « - » pour les lire sur l'entrée standard.")
    var macs: [String] = []

    @Flag(name: .customLong("stdin"), help: "Lit les adresses sur l'entrée standard, une par ligne (# commentaires).")
    var fromStandardInput = false

    var readsStandardInput: Bool { fromStandardInput || macs == ["-"] }

    func validate() throws {
        if readsStandardInput {
            guard macs.isEmpty || macs == ["-"] else {
                throw ValidationError("« - » ou --stdin s'utilisent seuls, sans adresse en argument.")
            }
        } else if macs.isEmpty {
            throw ValidationError("Indiquer au moins une adresse MAC, ou « - » pour l'entrée standard.")
        }
    }

    /// Parses every address, sends them as one request if all are valid, and prints the outcome.
    func send(_ makeRequest: ([MACAddress]) -> ControlRequest, over connection: ControlConnectionOptions) throws {
        let text = readsStandardInput
            ? String(decoding: try StandardStreams.readInput(), as: UTF8.self)
            : macs.joined(separator: "\n")
        let parsed = MACListParser.parse(text)
        guard parsed.invalid.isEmpty else {
            let place = readsStandardInput ? "ligne" : "argument"
            let lines = parsed.invalid.map { "\(place) \($0.line) : « \($0.text) » n'est pas une adresse MAC" }
            throw connection.fail(lines.joined(separator: "\n") + "\nrien n'a été envoyé.", code: ExitCode(65))
        }
        guard !parsed.macs.isEmpty else { throw connection.fail("aucune adresse MAC à envoyer.", code: ExitCode(65)) }
        let request = makeRequest(parsed.macs)
        let response = try connection.send(request)
        print(BatchSummary.render(response, for: request), terminator: "")
    }
}
