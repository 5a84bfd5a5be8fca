import ArgumentParser
import RelaisControl

/// `--socket`, accepted before or after the subcommand name.
struct ControlConnectionOptions: ParsableArguments {
    /// The packaged default, kept here so `relais ctl` reads no config file (it starts faster).
    static let defaultSocket = "/run/relais/control.sock"

    @Option(help: "Socket de contrôle du démon.")
    var socket = ControlConnectionOptions.defaultSocket

    /// Sends one command; prints the reason on stderr and exits non-zero when it fails.
    func send<C: ControlCommand>(_ command: C.Type, _ request: C.Request) throws -> C.Response {
        let answer: Result<C.Response, ControlFailure>
        do {
            answer = try ControlClient(socketPath: socket).send(command, request)
        } catch {
            throw fail(error.description, code: ExitCode(69))
        }
        switch answer {
        case .success(let response): return response
        case .failure(let failure): throw fail(failure.error, code: .failure)
        }
    }

    func fail(_ message: String, code: ExitCode) -> ExitCode {
        StandardStreams.writeError("relais ctl : \(message)\n")
        return code
    }
}
