import RelaisCore

/// What the portal pages may ask of the gateway on a visitor's behalf.
public protocol VisitorGateway: Sendable {
    /// The live sessions and blocked devices, for instant look-ups.
    var directory: ClientDirectory { get }
    /// The visitor at `ipAddress` accepted the terms `termsVersion`: find the device, open a session, let it through.
    func acceptTerms(ipAddress: IPAddress, termsVersion: String) async -> VisitorAcceptOutcome
    /// The visitor at `ipAddress` asked to disconnect; returns the session that ended, if there was one.
    func logout(ipAddress: IPAddress) async -> Session?
}

/// The result of a visitor's acceptance, as a value the page turns into words.
public enum VisitorAcceptOutcome: Sendable, Equatable {
    /// Connected; here is the session.
    case connected(Session)
    /// Refused by policy, or because the box is full (`.capacityReached`: a page says « try again later »).
    case denied(DenialReason)
    /// The box could not store the session or open the firewall; nothing was half done.
    case failed
}
