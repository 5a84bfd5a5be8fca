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
        try Self.send(command, request, socket: socket)
    }

    func fail(_ message: String, code: ExitCode) -> ExitCode {
        Self.fail(message, code: code)
    }

    /// `send` to the daemon at `socket`, for callers that did not parse options (`QuickCall`).
    static func send<C: ControlCommand>(_ command: C.Type, _ request: C.Request, socket: String) throws(ExitCode) -> C.Response {
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

    /// Says why on stderr; the exit code to throw.
    static func fail(_ message: String, code: ExitCode) -> ExitCode {
        StandardStreams.writeError("relais ctl : \(message)\n")
        return code
    }
}
