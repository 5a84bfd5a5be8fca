/// `relais ctl status`: the daemon's version, uptime and main settings.
public enum StatusCommand: PlainControlCommand {
    public struct Response: Codable, Sendable, Equatable {
        public var status: StatusReport

        public init(status: StatusReport) {
            self.status = status
        }
    }

    public static let name = "status"
    public static let subcommand = "status"
    public static let abstract = "État du démon : version, pare-feu, sessions."

    public static func render(_ response: Response, json: Bool) -> String {
        json ? ControlWire.pretty(response.status) : StatusSummary.render(response.status)
    }
}
