import FoundationEssentials

/// `relais ctl clients`: the devices connected now.
public enum ClientsCommand: PlainControlCommand {
    public struct Response: Codable, Sendable, Equatable {
        public var clients: [ClientReport]

        public init(clients: [ClientReport]) {
            self.clients = clients
        }
    }

    public static let name = "clients"
    public static let subcommand = "clients"
    public static let abstract = "Liste les appareils connectés."

    public static func render(_ response: Response, json: Bool) -> String {
        json ? ControlWire.pretty(response.clients) : ClientTable.render(response.clients, now: Date())
    }
}
