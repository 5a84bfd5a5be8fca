import RelaisCore

extension RelaisConfig {
    /// `[push]`: the daily reports and the "on duty now" status sent to the département's collector. Off by
    /// default: a box without a collector works the same, and keeps its usage aggregates only. The signing key
    /// is in the key directory (`report-signing.ed25519`, created by `relais keys init`).
    public struct Push: Sendable, Equatable {
        public var enabled: Bool
        /// The collector's base address, `https://…` (reports go to `<url>/v1/daily-report`).
        public var collectorURL: String
        /// The département's CA certificate (PEM): the only one trusted for the collector, never the system's.
        public var caFile: String
        /// The name the box is registered under at the collector.
        public var boxID: String
        /// Smallest count shown in a report (k); never below 5.
        public var smallestCount: Int
        /// ε of the optional Laplace noise per breakdown, as text ("" or "0": no noise).
        public var epsilon: String
        /// Seconds between two "on duty now" statuses.
        public var dutyStatusSeconds: Int

        public init(enabled: Bool = false, collectorURL: String = "", caFile: String = "/etc/relais/departement-ca.pem",
                    boxID: String = "", smallestCount: Int = 11,
                    epsilon: String = "", dutyStatusSeconds: Int = 300) {
            self.enabled = enabled
            self.collectorURL = collectorURL
            self.caFile = caFile
            self.boxID = boxID
            self.smallestCount = smallestCount
            self.epsilon = epsilon
            self.dutyStatusSeconds = dutyStatusSeconds
        }

        /// The noise, nil when off.
        public var noise: LaplaceNoise? { Double(epsilon).flatMap(LaplaceNoise.init(epsilon:)) }
        public var threshold: SuppressionThreshold { SuppressionThreshold(smallestCount) ?? .standard }
    }
}
