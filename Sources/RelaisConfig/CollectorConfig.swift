import RelaisCore

/// `relais collector`'s configuration (a file of its own, only the `[collector]` section): the département's
/// HTTPS listener for the boxes' reports, and its database.
public struct CollectorConfig: Sendable, Equatable {
    public var listenAddress: String
    public var port: Int
    /// PEM certificate chain and key; required unless the listener is on loopback (behind a proxy, tests).
    public var tlsCertificate: String
    public var tlsKey: String
    /// The collector's SQLite file; its folder must exist.
    public var database: String
    /// Largest accepted report body.
    public var maxBodyBytes: Int
    /// Reports a box may send at once (its backlog after weeks offline), then `ratePerMinute`.
    public var rateBurst: Int
    public var ratePerMinute: Int

    public init(listenAddress: String = "0.0.0.0", port: Int = 8443, tlsCertificate: String = "", tlsKey: String = "",
                database: String = "/var/lib/relais-collector/collector.sqlite", maxBodyBytes: Int = 262_144,
                rateBurst: Int = 120, ratePerMinute: Int = 60) {
        self.listenAddress = listenAddress
        self.port = port
        self.tlsCertificate = tlsCertificate
        self.tlsKey = tlsKey
        self.database = database
        self.maxBodyBytes = maxBodyBytes
        self.rateBurst = rateBurst
        self.ratePerMinute = ratePerMinute
    }

    public var isLoopback: Bool { listenAddress == "::1" || listenAddress.hasPrefix("127.") }
    public var hasTLS: Bool { !tlsCertificate.isEmpty && !tlsKey.isEmpty }
}

/// What `CollectorConfigLoader.check` found: the config when the file is accepted, and every issue by severity.
public struct CollectorConfigCheck: Sendable, Equatable {
    public var config: CollectorConfig?
    public var errors: [ConfigIssue]
    public var warnings: [ConfigIssue]
}
