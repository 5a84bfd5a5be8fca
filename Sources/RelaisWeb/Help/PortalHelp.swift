import RelaisConfig
import RelaisCore

/// The help offer as the portal shows it: the port that answers, and the kiosk screen's settings.
public struct PortalHelp: Sendable {
    public var offer: any HelpOffer
    public var kiosk: KioskSettings

    public init(offer: any HelpOffer, kiosk: KioskSettings) {
        self.offer = offer
        self.kiosk = kiosk
    }
}

/// What `/kiosk` needs from `[kiosk]`.
public struct KioskSettings: Sendable, Equatable {
    /// The visitors' network name for the « join the wifi » code; "" for none.
    public var ssid: String
    public var refreshSeconds: Int
    /// The address the « all the places » code opens; "" for the portal's own `/aide/lieux`.
    public var placesURL: String

    public init(ssid: String, refreshSeconds: Int, placesURL: String) {
        self.ssid = ssid
        self.refreshSeconds = refreshSeconds
        self.placesURL = placesURL
    }

    public init(config: RelaisConfig) {
        self.init(ssid: config.kiosk.ssid, refreshSeconds: config.kiosk.refreshSeconds, placesURL: config.kiosk.placesURL)
    }
}
