import RelaisCore

/// What the portal pages may ask of the gateway on a visitor's behalf.
public protocol VisitorGateway: Sendable {
    /// The live sessions and blocked devices, for instant look-ups.
    var directory: ClientDirectory { get }
    /// The visitor at `ipAddress` accepted the terms `termsVersion`: find the device, open a session, let it through.
    func acceptTerms(ipAddress: IPAddress, termsVersion: String) async -> VisitorAcceptOutcome
    /// The visitor at `ipAddress` asked to disconnect; returns the session that ended, if there was one.
    func logout(ipAddress: IPAddress) async -> Session?
    /// As `acceptTerms(ipAddress:termsVersion:)`, writing the optional consent given with it.
    func acceptTerms(ipAddress: IPAddress, termsVersion: String, consent: ConsentChoice) async -> VisitorAcceptOutcome
    /// Whether the device at `ipAddress` is remembered (from memory, for the fast path).
    func remembersDevice(at ipAddress: IPAddress) -> Bool
    /// Lets a remembered device through without the portal; nil when it is not remembered.
    func reconnectRemembered(ipAddress: IPAddress) async -> Session?
    /// Withdraws the consents of the device at `ipAddress` and forgets it; true when it was remembered.
    func forgetDevice(ipAddress: IPAddress) async -> Bool
    /// Whether this device is remembered (the status page offers to forget it).
    func isRemembered(mac: MACAddress) -> Bool
}

extension VisitorGateway {
    // A gateway without optional consents: consent is ignored, nothing is remembered.
    public func acceptTerms(ipAddress: IPAddress, termsVersion: String, consent: ConsentChoice) async -> VisitorAcceptOutcome {
        await acceptTerms(ipAddress: ipAddress, termsVersion: termsVersion)
    }
    public func remembersDevice(at ipAddress: IPAddress) -> Bool { false }
    public func reconnectRemembered(ipAddress: IPAddress) async -> Session? { nil }
    public func forgetDevice(ipAddress: IPAddress) async -> Bool { false }
    public func isRemembered(mac: MACAddress) -> Bool { false }
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
