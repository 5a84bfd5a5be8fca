/// What `relais ctl status` shows: the daemon's version, uptime and main settings.
public struct StatusReport: Codable, Sendable, Equatable {
    public var version: String
    public var uptimeSeconds: Int
    /// `nftables`, or `none` when nothing is enforced (development).
    public var firewallMode: String
    /// Sessions currently letting a device through.
    public var liveSessions: Int
    /// Devices an operator blocked.
    public var blockedDevices: Int
    public var lanInterface: String
    /// Where visitors are sent, e.g. `http://192.168.50.1:2050/`.
    public var portalURL: String
    /// The visitors' source NAT; nil from a daemon that does not report it.
    public var nat: NATStatus?

    public init(
        version: String, uptimeSeconds: Int, firewallMode: String, liveSessions: Int,
        blockedDevices: Int, lanInterface: String, portalURL: String, nat: NATStatus? = nil
    ) {
        self.version = version
        self.uptimeSeconds = uptimeSeconds
        self.firewallMode = firewallMode
        self.liveSessions = liveSessions
        self.blockedDevices = blockedDevices
        self.lanInterface = lanInterface
        self.portalURL = portalURL
        self.nat = nat
    }
}
