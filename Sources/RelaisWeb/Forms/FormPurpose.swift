import RelaisCore

/// What a form is for. A token is issued for one purpose and refused for any other, so a
/// « disconnect » token cannot be replayed as « connect ». Other modules add theirs:
/// `extension FormPurpose { static let agentSignIn = FormPurpose("agent-sign-in") }`.
public struct FormPurpose: Sendable, Hashable {
    public let name: String

    public init(_ name: String) {
        self.name = name
    }

    public static let connect = FormPurpose("connect")
    public static let disconnect = FormPurpose("disconnect")
}

/// Who a form is issued to: a visitor's device (its address) or an agent's session (the id held
/// in its cookie). A token sent back by anyone else is refused.
public enum FormSubject: Sendable, Hashable {
    case visitor(ipAddress: IPAddress)
    case session(id: String)

    /// The key per-client limits count under.
    var client: String {
        switch self {
        case .visitor(let ipAddress): "ip:" + ipAddress.description
        case .session(let id): "session:" + id
        }
    }
}
