extension RelaisConfig {
    /// `[legal]`: where the keys of the legal connection log are.
    public struct Legal: Sendable, Equatable {
        /// The root-only key directory (`relais keys init` creates it). Under systemd the daemon reads
        /// the same files from `$CREDENTIALS_DIRECTORY` (`LoadCredential=`) instead; this path serves the
        /// root commands (`relais keys`, `relais legal export`) and runs outside systemd.
        public var keyDirectory: String

        public init(keyDirectory: String) {
            self.keyDirectory = keyDirectory
        }

        public static let defaults = Legal(keyDirectory: "/etc/relais/keys")
    }
}
