import FoundationEssentials
import Logging
import RelaisCore

/// Keeps the store (source of truth), the firewall (derived state) and the in-memory directory in step.
/// Every change is written so that a crash at any point leaves the store right and the firewall rebuildable.
public actor Gateway: VisitorGateway {
    public nonisolated let directory: ClientDirectory
    private let store: any SessionStore
    private let firewall: any Firewall
    private let tracker: any ConnectionTracker
    private let neighbours: any NeighbourTable
    private let policy: AdmissionPolicy
    private let layout: FirewallLayout
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private var installed = false
    /// Devices the last sweep found missing from the firewall: a device is ended as idle only when two
    /// sweeps in a row miss it, so one unreliable kernel listing never ends a live session.
    private var missingAtLastSweep: Set<MACAddress> = []

    public init(
        store: any SessionStore, firewall: any Firewall, tracker: any ConnectionTracker,
        neighbours: any NeighbourTable, layout: FirewallLayout, limits: SessionLimits,
        clock: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.directory = ClientDirectory()
        self.store = store
        self.firewall = firewall
        self.tracker = tracker
        self.neighbours = neighbours
        self.policy = AdmissionPolicy(limits: limits)
        self.layout = layout
        self.clock = clock
        self.logger = logger
    }

    /// Rebuilds the firewall from the store: the still-valid sessions pass again with their remaining time.
    public func start() async throws {
        let now = clock()
        let expired = try await store.endExpiredSessions(at: now)
        let live = try await store.liveSessions(at: now)
        let blocked = try await store.blockedDevices()
        let grants = live.map { grant(for: $0, now: now) }
        try firewall.install(layout, grants: grants, blocked: blocked.sorted())
        installed = true
        directory.replaceAll(sessions: live, blocked: blocked)
        // Restoring thousands of sessions parses one large firewall command: give its memory back.
        MemoryTrim.afterBatch(of: live.count + blocked.count)
        logger.notice("gateway started", metadata: [
            "gateway.restored": "\(live.count)", "gateway.expired_at_start": "\(expired.count)",
            "gateway.blocked": "\(blocked.count)",
        ])
    }

    /// Removes the firewall rules this program owns.
    public func stop() {
        guard installed else { return }
        do {
            try firewall.uninstall()
            installed = false
            logger.notice("gateway stopped: firewall table removed")
        } catch {
            logger.error("gateway stop: firewall removal failed", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Visitors

    public func acceptTerms(ipAddress: String, termsVersion: String) async -> VisitorAcceptOutcome {
        let mac = neighbours.macAddress(for: ipAddress)
        let decision = policy.admitVisitor(
            mac: mac, ipAddress: ipAddress, termsVersion: termsVersion,
            isBlocked: mac.map(directory.isBlocked) ?? false, now: clock())
        switch decision {
        case .denied(let reason):
            logger.info("visitor refused", metadata: ["portal.reason": "\(reason.rawValue)"])
            logger.debug("visitor refused", metadata: ["portal.client": "\(ipAddress)"])
            return .denied(reason)
        case .admit(let session):
            do {
                let opened = try await open([session])
                logger.info("visitor connected", metadata: ["session.origin": "portal"])
                return opened.first.map(VisitorAcceptOutcome.connected) ?? .failed
            } catch {
                logger.error("visitor connection failed", metadata: ["error": "\(error)"])
                return .failed
            }
        }
    }

    public func logout(ipAddress: String) async -> Session? {
        guard let session = directory.session(forIPAddress: ipAddress) else { return nil }
        do {
            return try await close([session.mac], reason: .visitorLogout).first
        } catch {
            logger.error("visitor logout failed", metadata: ["error": "\(error)"])
            return nil
        }
    }

    // MARK: Operators

    /// Opens sessions for devices an operator names, seen or not; blocked and invalid ones are skipped.
    public func authorize(_ macs: [MACAddress]) async throws -> OperatorBatchResult {
        let now = clock()
        var sessions: [Session] = []
        var skipped: [MACAddress] = []
        for mac in macs {
            switch policy.admitByOperator(mac: mac, isBlocked: directory.isBlocked(mac), now: now) {
            case .admit(let session): sessions.append(session)
            case .denied: skipped.append(mac)
            }
        }
        let opened = try await open(sessions)
        MemoryTrim.afterBatch(of: opened.count)
        logger.info("operator authorized devices", metadata: ["gateway.count": "\(opened.count)", "gateway.skipped": "\(skipped.count)"])
        return OperatorBatchResult(changed: opened.map(\.mac), unchanged: skipped)
    }

    /// Ends the sessions of these devices.
    public func deauthorize(_ macs: [MACAddress]) async throws -> OperatorBatchResult {
        let ended = try await close(macs, reason: .operatorDeauth)
        MemoryTrim.afterBatch(of: ended.count)
        let endedMACs = Set(ended.map(\.mac))
        logger.info("operator deauthorized devices", metadata: ["gateway.count": "\(ended.count)"])
        return OperatorBatchResult(changed: ended.map(\.mac), unchanged: macs.filter { !endedMACs.contains($0) })
    }

    /// Blocks or unblocks devices; blocking ends their sessions.
    public func setBlocked(_ macs: [MACAddress], blocked: Bool) async throws -> OperatorBatchResult {
        let before = directory.blockedDevices()
        let changing = macs.filter { before.contains($0) != blocked }
        let ended = try await store.setBlocked(macs, blocked: blocked, at: clock())
        try firewall.setBlocked(macs, blocked: blocked)
        try retire(ended)
        directory.setBlocked(macs, blocked: blocked)
        logger.info(blocked ? "operator blocked devices" : "operator unblocked devices", metadata: ["gateway.count": "\(changing.count)"])
        let changingSet = Set(changing)
        return OperatorBatchResult(changed: changing, unchanged: macs.filter { !changingSet.contains($0) })
    }

    // MARK: Sweeping

    /// The devices the firewall still lets through. Not isolated: reading and decoding the kernel's sets
    /// takes long with thousands of devices, and visitors' acceptances must not queue behind it.
    public nonisolated func passingDevices() throws -> Set<MACAddress> {
        try firewall.passingDevices()
    }

    /// Ends sessions past their hard limit and those the kernel dropped for idleness. `passing` is a
    /// listing taken by `passingDevices()` just before; a device granted in between is missing from it,
    /// which the two-sweep rule absorbs.
    @discardableResult
    public func sweep(passing listed: Set<MACAddress>? = nil) async throws -> [Session] {
        let now = clock()
        var ended = try await store.endExpiredSessions(at: now)
        let passing = try listed ?? firewall.passingDevices()
        let expiredMACs = Set(ended.map(\.mac))
        let missing = directory.sessions { !passing.contains($0.mac) && !expiredMACs.contains($0.mac) }
        let confirmed = missing.filter { missingAtLastSweep.contains($0.mac) }
        missingAtLastSweep = Set(missing.map(\.mac)).subtracting(confirmed.map(\.mac))
        // The kernel's session timer may run a second ahead of the wall clock: a device dropped within
        // that margin of its hard limit ended on the limit, not on idleness.
        let idle = confirmed.filter { $0.remainingSeconds(at: now) > 2 }.map(\.mac)
        let atLimit = confirmed.filter { $0.remainingSeconds(at: now) <= 2 }.map(\.mac)
        if !idle.isEmpty { ended += try await store.endSessions(of: idle, reason: .idle, at: now) }
        if !atLimit.isEmpty { ended += try await store.endSessions(of: atLimit, reason: .sessionLimit, at: now) }
        // A sweep over a large table (its two listings, the sets built from them) and the requests served
        // since the last one leave freed pages in the heap: hand them back with the ended sessions'.
        defer { MemoryTrim.afterBatch(of: max(passing.count, ended.count)) }
        guard !ended.isEmpty else { return [] }
        try retire(ended)
        logger.info("sessions ended by sweep", metadata: ["gateway.count": "\(ended.count)", "gateway.idle": "\(idle.count)"])
        return ended
    }

    // MARK: Steps shared by every path

    /// Firewall first, then the store: if the store fails the grant is withdrawn, so nothing passes
    /// that the store does not know; a crash in between is healed by `start()`, which rebuilds from the store.
    /// No flow is flushed here: new connections meet the new decision anyway, and the firewall resets
    /// the device's connections still redirected to the portal (kept alive from before) by itself.
    private func open(_ sessions: [Session]) async throws -> [Session] {
        guard !sessions.isEmpty else { return [] }
        let now = clock()
        try firewall.grant(sessions.map { grant(for: $0, now: now) })
        let stored: [Session]
        do {
            stored = try await store.startSessions(sessions)
        } catch {
            try? firewall.revoke(sessions.map(\.mac))
            throw error
        }
        directory.insert(stored)
        return stored
    }

    /// Store first, then the firewall: a session ended in the store is never restored.
    private func close(_ macs: [MACAddress], reason: SessionEndReason) async throws -> [Session] {
        let ended = try await store.endSessions(of: macs, reason: reason, at: clock())
        try retire(ended)
        return ended
    }

    /// Takes sessions the store has just ended out of the firewall, the flow table and the directory.
    private func retire(_ ended: [Session]) throws {
        guard !ended.isEmpty else { return }
        try firewall.revoke(ended.map(\.mac))
        try forget(ended)
        directory.remove(ended.map(\.mac))
    }

    /// Drops the tracked flows of these sessions' devices, so their next request meets the new decision.
    private func forget(_ sessions: [Session]) throws {
        let addresses = sessions.compactMap(\.ipAddress)
        guard !addresses.isEmpty else { return }
        do {
            try tracker.forgetFlows(from: addresses)
        } catch {
            // Not fatal: the forward chain checks every packet; only redirected flows linger until they close.
            logger.warning("connection tracking flush failed", metadata: ["error": "\(error)"])
        }
    }

    private func grant(for session: Session, now: Date) -> FirewallGrant {
        FirewallGrant(mac: session.mac, sessionSeconds: max(1, session.remainingSeconds(at: now)), idleSeconds: session.idleSeconds)
    }
}
