import RelaisCore

/// The staff pages' settings, from `[staff]` and `[site]`.
public struct StaffSettings: Sendable {
    /// `captive-portal/` (templates under `templates/staff/`, the catalogues, `static/portal.css`).
    public var assetsDirectory: String
    public var venueName: String
    /// How long a sign-in lasts (a working day).
    public var sessionSeconds: Int
    public var formTokenSeconds: Int
    public var maxBodyBytes: Int
    public var throttle: SignInThrottle
    /// The site's zone: times on the pages (unlock time, roster, workshops) are local.
    public var zone: TimeZoneRules

    public init(
        assetsDirectory: String, venueName: String, zone: TimeZoneRules, sessionSeconds: Int = 8 * 3600,
        formTokenSeconds: Int = 3600, maxBodyBytes: Int = 8192, throttle: SignInThrottle = SignInThrottle()
    ) {
        self.assetsDirectory = assetsDirectory
        self.venueName = venueName
        self.zone = zone
        self.sessionSeconds = sessionSeconds
        self.formTokenSeconds = formTokenSeconds
        self.maxBodyBytes = maxBodyBytes
        self.throttle = throttle
    }
}
