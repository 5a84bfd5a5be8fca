/// One `relais ctl` command: its names, its typed request and answer, and how the answer reads for the operator.
///
/// A new command is one file declaring a type that conforms to this, plus one line in `ControlCommands.all`.
/// The wire form (`ControlEnvelope`), the daemon's dispatch (`ControlRouter.on`) and the CLI subcommand
/// (by shape: `PlainControlCommand`, `MACBatchCommand`) follow from it.
public protocol ControlCommand: Sendable {
    /// The fields of the request, next to `"command"` on the wire.
    associatedtype Request: Codable, Sendable, Equatable
    /// The fields of a successful answer, next to `"ok": true` on the wire.
    associatedtype Response: Codable, Sendable, Equatable

    /// The command's name on the wire and in logs, e.g. `authorize`.
    static var name: String { get }
    /// The CLI subcommand, e.g. `auth`.
    static var subcommand: String { get }
    /// One line of help for the CLI, in French.
    static var abstract: String { get }
    /// How many items the request carries, for logs (counted, never listed: addresses are personal data).
    static func itemCount(of request: Request) -> Int
}

extension ControlCommand {
    public static func itemCount(of request: Request) -> Int { 0 }
}

/// A command without arguments whose answer is printed as text or JSON (`status`, `clients`).
public protocol PlainControlCommand: ControlCommand where Request == NoArguments {
    /// What the CLI prints; `json` asks for a form scripts can read.
    static func render(_ response: Response, json: Bool) -> String
}

/// The request of a command without arguments: `{"command":"status"}`.
public struct NoArguments: Codable, Sendable, Equatable {
    public init() {}
}
