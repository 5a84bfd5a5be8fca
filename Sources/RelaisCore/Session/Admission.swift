/// Everything one admission writes, persisted whole by the store in one transaction that first re-checks
/// that the device is not blocked and that there is room. Today the session; the connection-log entry and
/// the consent record join it as further parts, written in the same transaction, before the firewall opens.
public struct Admission: Sendable, Equatable {
    /// The session to open; any open session of the same device is ended as `.replaced`.
    public var session: Session
    /// The optional consent given with it (written with the session, in the same transaction).
    public var consent: ConsentGrant?

    public init(session: Session) {
        self.session = session
    }

    public init(session: Session, consent: ConsentGrant?) {
        self.session = session
        self.consent = consent
    }
}

/// What the store did with one `Admission`.
public enum AdmissionOutcome: Sendable, Equatable {
    /// Written; the session carries its store identifier.
    case admitted(Session)
    /// Nothing written, for this reason (`.blocked`, `.capacityReached` or `.portBlocksExhausted`, checked inside the transaction).
    case denied(DenialReason)

    /// The admitted session, if any.
    public var session: Session? {
        if case .admitted(let session) = self { return session }
        return nil
    }
}
