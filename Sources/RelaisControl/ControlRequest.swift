import RelaisCore

/// One operator command sent to the daemon over the control socket.
///
/// On the wire: `{"command":"status"}` or `{"command":"authorize","macs":["aa:bb:cc:dd:ee:ff"]}`.
public enum ControlRequest: Codable, Sendable, Equatable {
    case status
    case clients
    case authorize([MACAddress])
    case deauthorize([MACAddress])
    case block([MACAddress])
    case unblock([MACAddress])

    /// The command's name on the wire, also used in logs.
    public var command: String {
        switch self {
        case .status: "status"
        case .clients: "clients"
        case .authorize: "authorize"
        case .deauthorize: "deauthorize"
        case .block: "block"
        case .unblock: "unblock"
        }
    }

    /// The devices a batch command acts on; empty for the read-only commands.
    public var macs: [MACAddress] {
        switch self {
        case .status, .clients: []
        case .authorize(let macs), .deauthorize(let macs), .block(let macs), .unblock(let macs): macs
        }
    }

    private enum CodingKeys: String, CodingKey {
        case command, macs
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let command = try container.decode(String.self, forKey: .command)
        switch command {
        case "status": self = .status
        case "clients": self = .clients
        case "authorize": self = .authorize(try container.decode([MACAddress].self, forKey: .macs))
        case "deauthorize": self = .deauthorize(try container.decode([MACAddress].self, forKey: .macs))
        case "block": self = .block(try container.decode([MACAddress].self, forKey: .macs))
        case "unblock": self = .unblock(try container.decode([MACAddress].self, forKey: .macs))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .command, in: container, debugDescription: "commande inconnue : \(command)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        switch self {
        case .status, .clients: break
        case .authorize, .deauthorize, .block, .unblock: try container.encode(macs, forKey: .macs)
        }
    }
}
