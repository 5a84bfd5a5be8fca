import RelaisCore

/// The whole configuration of one box. Every default lives in `RelaisConfig.defaults`.
public struct RelaisConfig: Sendable, Equatable {
    public var portal: Portal
    public var network: Network
    public var session: SessionSettings
    public var store: Store
    public var control: Control
    public var log: Log
    public var staff: Staff
    public var site: Site
    /// `[notice]`: the controller and DPO the privacy notice names; required (see `ConfigSection.notice`).
    public var notice = NoticeSettings(controllerName: "", controllerAddress: "", dpoContact: "")
    /// `[consent]`: optional purposes.
    public var consent = Consent()
    public var nat: NAT = RelaisConfig.defaultNAT
    /// `[legal]`; not in the initializer, so that each section added keeps the others' call sites.
    public var legal: Legal = .defaults
    /// `[kiosk]`, read by `ConfigSection.kiosk`; its defaults are `Kiosk()`.
    public var kiosk = Kiosk()
    public var push: Push

    public init(
        portal: Portal, network: Network, session: SessionSettings, store: Store, control: Control, log: Log,
        staff: Staff = Staff(listenAddress: "", port: 8443, tlsCertificate: "", tlsKey: ""),
        site: Site = Site(timeZone: "Europe/Paris"), push: Push = Push()
    ) {
        self.portal = portal
        self.network = network
        self.session = session
        self.store = store
        self.control = control
        self.log = log
        self.staff = staff
        self.site = site
        self.push = push
    }

    /// `[site]`: where the box is. Local civil time (opening hours, duty rosters, daily figures at local
    /// midnight, retention dates) is reckoned in `timeZone`.
    public struct Site: Sendable, Equatable {
        /// A tzdata zone name, read from /usr/share/zoneinfo (no ICU): « Europe/Paris ».
        public var timeZone: String
        /// The box's position (WGS 84 degrees), from which the places of help are listed by distance;
        /// both nil when not configured.
        public var latitude: Double?
        public var longitude: Double?

        public init(timeZone: String, latitude: Double? = nil, longitude: Double? = nil) {
            self.timeZone = timeZone
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    /// `[portal]`: the web pages visitors see.
    public struct Portal: Sendable, Equatable {
        /// Address the HTTP server binds to: the LAN address, so the portal is not published on the uplink.
        public var listenAddress: String
        /// TCP port of the portal; unauthorized HTTP is redirected there.
        public var port: Int
        /// Host name or LAN address visitors' devices use to reach the portal (in redirects).
        public var host: String
        /// Shown in titles: « Wifi public de la médiathèque ».
        public var venueName: String
        /// Folder holding `templates/` and `static/`.
        public var assetsDirectory: String
        /// Version label of the terms of use, stored with each session.
        public var termsVersion: String
        /// RFC 8908 `venue-info-url`; empty for none.
        public var venueInfoURL: String
        /// Largest request body accepted, in bytes.
        public var maxBodyBytes: Int
        /// Seconds a portal form stays valid.
        public var formTokenSeconds: Int
        /// Connections the portal serves at once, all devices together (lowered at start to fit the
        /// descriptor limit, LimitNOFILE − 256).
        public var maxConnections: Int
        /// Connections the portal serves at once from one address.
        public var maxConnectionsPerAddress: Int
        /// Seconds a connection has to send a whole request, head and body (slow clients are cut).
        public var requestDeadlineSeconds: Int
    }

    /// `[staff]`: the agents' listener; disabled while `listenAddress` is empty.
    public struct Staff: Sendable, Equatable {
        /// Address of the staff listener; "" disables it.
        public var listenAddress: String
        public var port: Int
        /// PEM certificate chain and private key files; both empty for plain HTTP (loopback only).
        public var tlsCertificate: String
        public var tlsKey: String

        public init(listenAddress: String, port: Int, tlsCertificate: String, tlsKey: String) {
            self.listenAddress = listenAddress
            self.port = port
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
        }

        public var isEnabled: Bool { !listenAddress.isEmpty }
        public var usesTLS: Bool { !tlsCertificate.isEmpty && !tlsKey.isEmpty }

        /// Why this listener must not run, as (key, problem, allowed), or nil. Agent passwords never
        /// travel over plain HTTP: without TLS the listener must be bound to loopback.
        public var refusal: (key: String, problem: String, allowed: String)? {
            guard isEnabled else { return nil }
            if tlsCertificate.isEmpty != tlsKey.isEmpty {
                return ("staff.\(tlsCertificate.isEmpty ? "tls_certificate" : "tls_key")",
                        "is missing while its pair is set", "both tls_certificate and tls_key, or neither")
            }
            if !usesTLS, !Self.isLoopback(listenAddress) {
                return ("staff.listen_address",
                        "\"\(listenAddress)\" is not loopback and no TLS certificate is set: agent passwords would travel in clear",
                        "tls_certificate and tls_key, or a loopback address such as 127.0.0.1 or ::1")
            }
            return nil
        }

        /// 127.0.0.0/8 or ::1.
        public static func isLoopback(_ text: String) -> Bool {
            guard let address = IPAddress(text) else { return false }
            return address.isIPv4 ? address.bytes[0] == 127 : address.bytes == Array(repeating: 0, count: 15) + [1]
        }
    }

    /// `[network]`: the interface and the firewall.
    public struct Network: Sendable, Equatable {
        /// The visitors' interface (the wifi bridge or VLAN).
        public var lanInterface: String
        /// `nftables` (the default) or `none` (development only, nothing is enforced).
        public var firewall: FirewallMode
        /// Name of the `inet` nftables table relais owns.
        public var table: String
        /// Destinations reachable before acceptance: IPv4/IPv6 addresses or CIDR blocks.
        public var preauthAllow: [String]
        /// Seconds between two checks of idle and expired sessions.
        public var sweepSeconds: Int
    }

    /// `[session]`: limits applied to each device.
    public struct SessionSettings: Sendable, Equatable {
        public var durationSeconds: Int
        public var idleSeconds: Int
        /// Most devices connected at once; a visitor beyond it is told to try again later.
        public var maxDevices: Int

        public init(durationSeconds: Int, idleSeconds: Int, maxDevices: Int = RelaisConfig.defaultMaxDevices) {
            self.durationSeconds = durationSeconds
            self.idleSeconds = idleSeconds
            self.maxDevices = maxDevices
        }
    }

    /// `session.max_devices` by default: far more than the access points of a hall serve (a few hundred),
    /// so only a misbehaving network reaches it; twice the 10,000 sessions the benchmark holds (6.5 MB of
    /// heap, Benchmarks/RESULTS.md); and the kernel sets, sized at twice this, stay under the 65,535 they
    /// had before.
    public static let defaultMaxDevices = 20_000

    /// `[nat]`: the visitors' source NAT on the uplink.
    public struct NAT: Sendable, Equatable {
        public var mode: NATMode
        /// The interface towards the internet, whose address the visitors' IPv4 traffic leaves from.
        public var uplinkInterface: String
        /// The public IPv4 address; "" reads the uplink interface's address at start.
        public var publicAddress: String
        public var portsPerDevice: Int
        public var firstPort: Int

        public init(mode: NATMode, uplinkInterface: String, publicAddress: String, portsPerDevice: Int, firstPort: Int) {
            self.mode = mode
            self.uplinkInterface = uplinkInterface
            self.publicAddress = publicAddress
            self.portsPerDevice = portsPerDevice
            self.firstPort = firstPort
        }
    }

    /// Who translates the visitors' IPv4 addresses.
    public enum NATMode: String, Sendable, Equatable, CaseIterable {
        /// relais, with one block of public source ports per device: the legal log names the device behind a port.
        case portBlocks = "port-blocks"
        /// The box only routes; NAT happens elsewhere (the legal log says so).
        case none
    }

    /// `[nat]` by default: relais translates, 256 ports per device from port 1024 (see `PortBlockPlan`).
    public static let defaultNAT = NAT(
        mode: .portBlocks, uplinkInterface: "eth0", publicAddress: "",
        portsPerDevice: PortBlockPlan.defaultPortsPerDevice, firstPort: PortBlockPlan.defaultFirstPort)

    /// `[store]`: the SQLite database.
    public struct Store: Sendable, Equatable {
        public var databasePath: String
    }

    /// `[control]`: the local socket `relais ctl` talks to.
    public struct Control: Sendable, Equatable {
        public var socketPath: String
        /// Group allowed to use the socket besides root; empty for root only.
        public var group: String
    }

    /// `[log]`.
    public struct Log: Sendable, Equatable {
        /// trace, debug, info, notice, warning, error, critical.
        public var level: String
    }

    /// Whether the firewall is enforced.
    public enum FirewallMode: String, Sendable, Equatable, CaseIterable {
        case nftables
        /// Development only: no rule is installed; announced at start-up and on every page.
        case none
    }

    /// The session limits as the core uses them.
    public var sessionLimits: SessionLimits {
        SessionLimits(sessionSeconds: session.durationSeconds, idleSeconds: session.idleSeconds)
    }

    /// Every default, in one place. The commented example `config/relais.toml` mirrors it.
    public static let defaults = RelaisConfig(
        portal: Portal(
            listenAddress: "192.168.50.1", port: 2050, host: "192.168.50.1",
            venueName: "Wifi public", assetsDirectory: "/usr/share/relais/captive-portal",
            termsVersion: "2026-11", venueInfoURL: "", maxBodyBytes: 16_384, formTokenSeconds: 900,
            maxConnections: 4096, maxConnectionsPerAddress: 16, requestDeadlineSeconds: 10),
        network: Network(lanInterface: "wlan0", firewall: .nftables, table: "relais", preauthAllow: [], sweepSeconds: 10),
        session: SessionSettings(durationSeconds: 4 * 3600, idleSeconds: 30 * 60),
        store: Store(databasePath: "/var/lib/relais/relais.sqlite"),
        control: Control(socketPath: "/run/relais/control.sock", group: "relais"),
        log: Log(level: "info"),
        staff: Staff(listenAddress: "", port: 8443, tlsCertificate: "", tlsKey: ""),
        site: Site(timeZone: "Europe/Paris"))
}
