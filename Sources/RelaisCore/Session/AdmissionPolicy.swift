import struct FoundationEssentials.Date

/// Decides whether a device may open a session. Pure: the caller supplies what it knows.
public struct AdmissionPolicy: Sendable {
    public var limits: SessionLimits

    public init(limits: SessionLimits) {
        self.limits = limits
    }

    /// Admits a visitor who accepted the terms on the portal.
    public func admitVisitor(
        mac: MACAddress?, ipAddress: IPAddress, termsVersion: String, isBlocked: Bool, now: Date
    ) -> AdmissionDecision {
        guard let mac else { return .denied(reason: .unknownDevice) }
        return admit(mac: mac, ipAddress: ipAddress, origin: .portal, termsVersion: termsVersion, isBlocked: isBlocked, now: now)
    }

    /// Admits a device an operator pre-authorized, which may never have been seen.
    public func admitByOperator(mac: MACAddress, isBlocked: Bool, now: Date) -> AdmissionDecision {
        admit(mac: mac, ipAddress: nil, origin: .operator, termsVersion: nil, isBlocked: isBlocked, now: now)
    }

    private func admit(
        mac: MACAddress, ipAddress: IPAddress?, origin: SessionOrigin, termsVersion: String?, isBlocked: Bool, now: Date
    ) -> AdmissionDecision {
        if mac.isMulticast || mac.rawValue == 0 { return .denied(reason: .invalidDevice) }
        if isBlocked { return .denied(reason: .blocked) }
        return .admit(.open(mac: mac, ipAddress: ipAddress, origin: origin, termsVersion: termsVersion, limits: limits, now: now))
    }
}
