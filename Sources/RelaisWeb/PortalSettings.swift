import RelaisConfig
import RelaisCore

/// What the portal pages need to know about this box, taken from `RelaisConfig`.
public struct PortalSettings: Sendable, Equatable {
    /// Host name or address devices use to reach the portal (lower-case).
    public var host: String
    public var port: Int
    public var venueName: String
    public var termsVersion: String
    /// RFC 8908 `venue-info-url`; nil for none.
    public var venueInfoURL: String?
    public var formTokenSeconds: Int
    public var sessionSeconds: Int
    public var idleSeconds: Int
    /// Largest form body read, in bytes.
    public var maxBodyBytes: Int
    /// True when `firewall = "none"`: every page says nothing is filtered.
    public var developmentMode: Bool
    /// Folder holding `templates/`, `messages/` and `static/`.
    public var assetsDirectory: String
    /// The controller and DPO the privacy notice names, and its extra texts.
    public var notice = NoticeSettings(controllerName: "", controllerAddress: "", dpoContact: "")
    /// The optional purposes offered on the welcome page.
    public var consent = ConsentSettings()
    /// Whether « Se souvenir de cet appareil » is offered: only when its key is loaded.
    public var offersRememberDevice = true
    /// The box's position (`[site] latitude`, `longitude`): places of help are listed from the nearest.
    public var boxLocation: GeoPoint?

    public init(
        host: String, port: Int, venueName: String, termsVersion: String, venueInfoURL: String?,
        formTokenSeconds: Int, sessionSeconds: Int, idleSeconds: Int, maxBodyBytes: Int,
        developmentMode: Bool, assetsDirectory: String, boxLocation: GeoPoint? = nil
    ) {
        self.host = host.lowercased()
        self.port = port
        self.venueName = venueName
        self.termsVersion = termsVersion
        self.venueInfoURL = venueInfoURL.flatMap { $0.isEmpty ? nil : $0 }
        self.formTokenSeconds = formTokenSeconds
        self.sessionSeconds = sessionSeconds
        self.idleSeconds = idleSeconds
        self.maxBodyBytes = maxBodyBytes
        self.developmentMode = developmentMode
        self.assetsDirectory = assetsDirectory
        self.boxLocation = boxLocation
    }

    /// The settings of a configured box.
    public init(config: RelaisConfig) {
        self.init(
            host: config.portal.host, port: config.portal.port, venueName: config.portal.venueName,
            termsVersion: config.portal.termsVersion, venueInfoURL: config.portal.venueInfoURL,
            formTokenSeconds: config.portal.formTokenSeconds, sessionSeconds: config.session.durationSeconds,
            idleSeconds: config.session.idleSeconds, maxBodyBytes: config.portal.maxBodyBytes,
            developmentMode: config.network.firewall == .none, assetsDirectory: config.portal.assetsDirectory,
            boxLocation: config.site.latitude.flatMap { latitude in
                config.site.longitude.flatMap { GeoPoint(latitude: latitude, longitude: $0) }
            })
        notice = config.notice
        consent = config.consent.settings
    }

    /// `http://host[:port]/`, the address redirects send devices to.
    public var portalURL: String {
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? "http://\(hostPart)/" : "http://\(hostPart):\(port)/"
    }
}
