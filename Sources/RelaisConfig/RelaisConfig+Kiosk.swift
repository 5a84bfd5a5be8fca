extension RelaisConfig {
    /// `[kiosk]`: the full-screen page `/kiosk` for a screen in the hall.
    public struct Kiosk: Sendable, Equatable {
        /// The visitors' network name, for the « join the wifi » QR code; "" shows no such code.
        public var ssid: String
        /// Seconds between two reloads of the page (`<meta http-equiv="refresh">`).
        public var refreshSeconds: Int
        /// Public address of the list of places for the second QR code; "" for the portal's own `/aide/lieux`.
        public var placesURL: String

        public init(ssid: String = "", refreshSeconds: Int = 60, placesURL: String = "") {
            self.ssid = ssid
            self.refreshSeconds = refreshSeconds
            self.placesURL = placesURL
        }
    }
}
