import FoundationEssentials
import RelaisCore

extension Gateway {
    public func acceptTerms(ipAddress: IPAddress, termsVersion: String) async -> VisitorAcceptOutcome {
        await acceptTerms(ipAddress: ipAddress, termsVersion: termsVersion) { _, _ in nil }
    }

    /// Admits the visitor; `consent` gives the grant to write with the session, from its device and the date.
    func acceptTerms(
        ipAddress: IPAddress, termsVersion: String, consent: (MACAddress, Date) -> ConsentGrant?
    ) async -> VisitorAcceptOutcome {
        let address = ipAddress.normalized
        let mac = neighbours.macAddress(for: address)
        return await exclusively {
            let now = clocks.monotonicNow(), wall = clocks.wallNow()
            guard clockIsSet() else { return refused(.clockNotSet, address: address) }
            let decision = policy.admitVisitor(
                mac: mac, ipAddress: address, termsVersion: termsVersion,
                isBlocked: mac.map(directory.isBlocked) ?? false, now: wall)
            switch decision {
            case .denied(let reason):
                return refused(reason, address: address)
            case .admit(let session):
                do {
                    let grant = consent(session.mac, wall)
                    switch try await admit([Admission(session: session, consent: grant)], at: now).first {
                    case .admitted(let stored):
                        noteRemembered(grant)
                        for purpose in grant?.purposes ?? [] {
                            usage?.record(.consentGiven(purpose: purpose, at: wall))
                        }
                        logger.info("visitor connected", metadata: ["session.origin": "portal"])
                        return .connected(stored)
                    case .denied(let reason):
                        return refused(reason, address: address)
                    case nil:
                        return .failed
                    }
                } catch {
                    logger.error("visitor connection failed", metadata: ["error": "\(error)"])
                    return .failed
                }
            }
        }
    }

    public func logout(ipAddress: IPAddress) async -> Session? {
        await exclusively {
            guard let session = directory.session(forIPAddress: ipAddress.normalized) else { return nil }
            do {
                return try await close([session], reason: .visitorLogout, at: clocks.monotonicNow()).first
            } catch {
                logger.error("visitor logout failed", metadata: ["error": "\(error)"])
                return nil
            }
        }
    }

    private func refused(_ reason: DenialReason, address: IPAddress) -> VisitorAcceptOutcome {
        if reason == .capacityReached {
            warnCapacityReached(refused: 1)
        } else if reason == .portBlocksExhausted {
            warnPortBlocksExhausted()
        } else {
            logger.info("visitor refused", metadata: ["portal.reason": "\(reason.rawValue)"])
        }
        logger.debug("visitor refused", metadata: ["portal.client": "\(address)"])
        return .denied(reason)
    }
}
