/// Why a session ended; stored with the session and shown to operators.
public enum SessionEndReason: String, Sendable, Codable, CaseIterable {
    /// The hard session limit was reached.
    case sessionLimit = "session-limit"
    /// No traffic for longer than the idle limit.
    case idle
    /// The visitor pressed « Se déconnecter ».
    case visitorLogout = "visitor-logout"
    /// An operator ran `relais ctl deauth`.
    case operatorDeauth = "operator-deauth"
    /// An operator blocked the device.
    case blocked
    /// A newer session for the same device replaced it.
    case replaced
    /// The session was stored but the firewall refused to let the device through: it never passed.
    case firewallFailure = "firewall-failure"
}
