import FoundationEssentials
import Logging
import RelaisCore

extension Gateway {
    /// Admits the visitor as `acceptTerms(ipAddress:termsVersion:)` does, writing the consent the visitor
    /// gave (if any box was ticked) with the session. The session is the same with or without it.
    public func acceptTerms(ipAddress: IPAddress, termsVersion: String, consent choice: ConsentChoice) async -> VisitorAcceptOutcome {
        guard let consent, !choice.ticked.isEmpty else { return await acceptTerms(ipAddress: ipAddress, termsVersion: termsVersion) }
        return await acceptTerms(ipAddress: ipAddress, termsVersion: termsVersion) { mac, now in
            consent.policy.grant(ticked: choice.ticked, notice: choice.notice, device: consent.hasher?.hash(mac), now: now)
        }
    }

    /// Whether the device at `ipAddress` is remembered, from memory: the portal's fast path asks it before
    /// `reconnectRemembered`, which checks the store.
    public nonisolated func remembersDevice(at ipAddress: IPAddress) -> Bool {
        guard let hasher = consent?.hasher, remembered.count > 0, let mac = neighbours.macAddress(for: ipAddress.normalized) else { return false }
        return remembered.contains(hasher.hash(mac), at: clocks.wallNow())
    }

    /// Lets a remembered device through without the portal: a session of origin `portal`, with the notice
    /// version of its consent. Nil when the device is not (or no longer) remembered, or is refused.
    public func reconnectRemembered(ipAddress: IPAddress) async -> Session? {
        guard let consent, let hasher = consent.hasher else { return nil }
        let address = ipAddress.normalized
        guard let mac = neighbours.macAddress(for: address) else { return nil }
        return await exclusively {
            if let live = directory.session(for: mac) { return live }
            // No session is dated while the wall clock is implausible; the portal asks to retry.
            guard clockIsSet() else { return nil }
            let hash = hasher.hash(mac), wall = clocks.wallNow()
            do {
                guard let found = try await consent.store.rememberedConsent(for: hash, at: wall),
                      ConsentPolicy.isValid(found, at: wall) else {
                    remembered.remove(hash)
                    return nil
                }
                guard case .admit(let session) = policy.admitVisitor(
                    mac: mac, ipAddress: address, termsVersion: found.noticeVersion,
                    isBlocked: directory.isBlocked(mac), now: wall) else { return nil }
                guard case .admitted(let stored) = try await admit([Admission(session: session)], at: clocks.monotonicNow()).first else {
                    return nil
                }
                logger.info("remembered device reconnected", metadata: ["session.origin": "portal"])
                return stored
            } catch {
                logger.error("remembered device reconnection failed", metadata: ["error": "\(error)"])
                return nil
            }
        }
    }

    /// « Ne plus se souvenir de cet appareil »: withdraws the device's consents and deletes its hash at once.
    /// Returns whether the device was remembered. The session goes on: consent never conditions access.
    public func forgetDevice(ipAddress: IPAddress) async -> Bool {
        guard let consent, let hasher = consent.hasher else { return false }
        let address = ipAddress.normalized
        guard let mac = directory.session(forIPAddress: address)?.mac ?? neighbours.macAddress(for: address) else { return false }
        return await exclusively {
            let hash = hasher.hash(mac)
            remembered.remove(hash)
            do {
                let withdrawn = try await consent.store.withdrawConsents(of: hash, at: clocks.wallNow())
                logger.info("consent withdrawn", metadata: ["consent.withdrawn": "\(withdrawn)"])
                return withdrawn > 0
            } catch {
                logger.error("consent withdrawal failed", metadata: ["error": "\(error)"])
                return false
            }
        }
    }

    /// Whether a device's consent is still remembered (for the status page's withdraw button).
    public nonisolated func isRemembered(mac: MACAddress) -> Bool {
        guard let hasher = consent?.hasher else { return false }
        return remembered.contains(hasher.hash(mac), at: clocks.wallNow())
    }

    func noteRemembered(_ grant: ConsentGrant?) {
        guard let device = grant?.rememberedDevice else { return }
        remembered.insert(device.deviceHash, expiresAt: device.expiresAt, now: clocks.wallNow())
    }

    func loadRememberedDevices(at now: Date) async throws {
        guard let consent, consent.hasher != nil else { return }
        remembered.replaceAll(try await consent.store.rememberedDevices(at: now))
    }
}
