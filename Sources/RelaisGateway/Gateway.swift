import FoundationEssentials
import Logging
import RelaisCore

/// Keeps the store (source of truth), the firewall (derived state) and the in-memory directory in step.
///
/// Every change goes store first, then the firewall, then the directory, so that a crash at any point
/// leaves the store right and the firewall rebuildable; a firewall that fails after the store said yes
/// is followed by a store write that says so (`.firewallFailure`). The operations run one at a time, in
/// order of arrival (`exclusively`): an actor alone would let an operator's block run between a
/// visitor's store write and its grant, at the `await` in between.
public actor Gateway: VisitorGateway {
    public nonisolated let directory: ClientDirectory
    let store: any SessionStore
    let firewall: any Firewall
    let tracker: any ConnectionTracker
    let neighbours: any NeighbourTable
    let policy: AdmissionPolicy
    let layout: FirewallLayout
    let clocks: any Clocks
    let logger: Logger
    /// The anonymous usage stream, told of sessions opened and ended; nil counts nothing.
    public nonisolated let usage: UsageRecorder?
    /// No session is opened (so none is dated) while the wall clock reads before this floor.
    let plausibility: ClockPlausibility
    /// When the operator was last told the clock is not set: at most once a minute.
    var clockWarnedAt: Duration?
    var installed = false
    /// Devices the last sweep found granted but idle in the firewall: a device is ended as idle only when
    /// two sweeps in a row find it so, so one unreliable kernel listing never ends a live session.
    var idleAtLastSweep: Set<MACAddress> = []
    /// When the operator was last told the capacity was reached: at most once a minute, since at capacity
    /// every visitor's try would otherwise write its own warning.
    var capacityWarnedAt: Duration?
    /// When the operator was last told every NAT port block was leased (at most once a minute, as above).
    var portBlocksWarnedAt: Duration?
    var turns = Turns()
    /// Optional consents and remembered devices; nil when the box remembers no device.
    let consent: GatewayConsent?
    /// Remembered devices' keyed hashes, for the portal's fast path.
    nonisolated let remembered = RememberedDevices()

    /// The most devices connected at once (`session.max_devices`).
    public nonisolated var capacity: Int { layout.maxDevices }

    public init(
        store: any SessionStore, firewall: any Firewall, tracker: any ConnectionTracker,
        neighbours: any NeighbourTable, layout: FirewallLayout, limits: SessionLimits,
        clocks: any Clocks, logger: Logger, usage: UsageRecorder? = nil, plausibility: ClockPlausibility = ClockPlausibility(),
        consent: GatewayConsent? = nil
    ) {
        self.consent = consent
        self.directory = ClientDirectory(clocks: clocks)
        self.store = store
        self.firewall = firewall
        self.tracker = tracker
        self.neighbours = neighbours
        self.policy = AdmissionPolicy(limits: limits)
        self.layout = layout
        self.clocks = clocks
        self.logger = logger
        self.usage = usage
        self.plausibility = plausibility
    }

    /// Rebuilds the firewall from the store: the still-valid sessions pass again with their remaining time.
    public func start() async throws {
        try await exclusively {
            let wall = clocks.wallNow(), now = clocks.monotonicNow()
            let expired = try await store.endExpiredSessions(at: wall)
            countEnded(expired)
            let live = try await store.liveSessions(at: wall)
            let blocked = try await store.blockedDevices()
            let entries = live.map { ClientDirectory.Entry(session: $0, timer: .restored($0, wallNow: wall, monotonicNow: now)) }
            try firewall.install(layout, grants: entries.map { grant(for: $0.session, timer: $0.timer, at: now) }, blocked: blocked.sorted())
            installed = true
            directory.replaceAll(entries, blocked: blocked)
            try await loadRememberedDevices(at: wall)
            // Restoring thousands of sessions parses one large firewall command: give its memory back.
            MemoryTrim.afterBatch(of: live.count + blocked.count)
            logger.notice("gateway started", metadata: [
                "gateway.restored": "\(live.count)", "gateway.expired_at_start": "\(expired.count)",
                "gateway.blocked": "\(blocked.count)", "gateway.capacity": "\(capacity)",
            ])
        }
    }

    /// Removes the firewall rules this program owns.
    public func stop() async {
        await exclusively {
            guard installed else { return }
            do {
                try firewall.uninstall()
                installed = false
                logger.notice("gateway stopped: firewall table removed")
            } catch {
                logger.error("gateway stop: firewall removal failed", metadata: ["error": "\(error)"])
            }
        }
    }

    // MARK: Steps shared by every path (called inside a turn)

    /// Writes the admissions (store first), then lets the admitted devices through. If the firewall
    /// fails, the sessions are ended in the store as `.firewallFailure` and the error is thrown.
    func admit(_ sessions: [Session], at now: Duration) async throws -> [AdmissionOutcome] {
        try await admit(sessions.map { Admission(session: $0) }, at: now)
    }

    /// As `admit(_:at:)`, for admissions that carry more than their session (a consent).
    func admit(_ admissions: [Admission], at now: Duration) async throws -> [AdmissionOutcome] {
        guard !admissions.isEmpty else { return [] }
        let outcomes = try await store.admit(admissions, capacity: capacity)
        let admitted = outcomes.compactMap(\.session)
        let admittedTimers = admitted.map { SessionTimer(opening: $0, at: now) }
        do {
            try firewall.grant(zip(admitted, admittedTimers).map { grant(for: $0, timer: $1, at: now) })
        } catch {
            await withdraw(admitted, timers: admittedTimers, at: now, after: error)
            throw error
        }
        countStarted(admitted)
        record(admitted, timers: admittedTimers)
        return outcomes
    }

    /// The firewall refused admitted sessions: end them in the store. If even that fails, they stay live
    /// in the store, so they go in the directory too, and the next sweep's reconcile grants them again:
    /// store, directory and (after one sweep) kernel agree either way.
    private func withdraw(_ sessions: [Session], timers: [SessionTimer], at now: Duration, after failure: any Error) async {
        logger.error("firewall grant failed after the store admitted: ending the sessions", metadata: [
            "error": "\(failure)", "gateway.count": "\(sessions.count)",
        ])
        let endings = zip(sessions, timers).compactMap { session, timer in
            session.id.map { SessionEnding(sessionID: $0, reason: .firewallFailure, endedAt: timer.endDate(of: session, at: now)) }
        }
        do {
            _ = try await store.endSessions(endings)
            // A session these replaced was ended by the admission: its device must not pass on its old grant.
            let macs = sessions.map(\.mac)
            directory.remove(macs)
            try? firewall.revoke(macs)
        } catch {
            logger.error("ending sessions after a firewall failure failed: the next sweep grants them again", metadata: ["error": "\(error)"])
            record(sessions, timers: timers)
        }
    }

    /// Ends these live sessions in the store (store first), then takes them out of the kernel.
    func close(_ sessions: [Session], reason: SessionEndReason, at now: Duration) async throws -> [Session] {
        let endings = sessions.compactMap { session in
            session.id.map { SessionEnding(sessionID: $0, reason: reason, endedAt: endDate(of: session, at: now)) }
        }
        guard !endings.isEmpty else { return [] }
        let ended = try await store.endSessions(endings)
        try retire(ended)
        return ended
    }

    /// Takes sessions the store has just ended out of the firewall, the flow table and the directory.
    func retire(_ ended: [Session]) throws {
        guard !ended.isEmpty else { return }
        // Turns make the directory's session of each device the one just ended.
        for session in ended { idleAtLastSweep.remove(session.mac) }
        directory.remove(ended.map(\.mac))
        countEnded(ended)
        try firewall.revoke(ended.map(\.mac))
        forget(ended)
    }

    func record(_ sessions: [Session], timers newTimers: [SessionTimer]) {
        for session in sessions { idleAtLastSweep.remove(session.mac) }
        directory.insert(zip(sessions, newTimers).map(ClientDirectory.Entry.init))
    }

    /// Tells the operator the box is full, at most once a minute; each refusal is counted at debug level.
    func warnCapacityReached(refused: Int) {
        let now = clocks.monotonicNow()
        let metadata: Logger.Metadata = ["gateway.capacity": "\(capacity)", "gateway.refused": "\(refused)"]
        if let last = capacityWarnedAt, now - last < .seconds(60) {
            logger.debug("capacity reached: devices refused", metadata: metadata)
            return
        }
        capacityWarnedAt = now
        logger.warning("capacity reached: devices are refused; raise session.max_devices if the box can carry more", metadata: metadata)
    }

    /// The wall date to record for the end of a live session at monotonic `now`.
    func endDate(of session: Session, at now: Duration) -> Date {
        guard let timer = directory.timer(for: session.mac) else { return max(clocks.wallNow(), session.startedAt) }
        return timer.endDate(of: session, at: now)
    }

    /// Drops the tracked flows of these sessions' devices, so their next request meets the new decision.
    private func forget(_ sessions: [Session]) {
        let addresses = sessions.compactMap(\.ipAddress)
        guard !addresses.isEmpty else { return }
        do {
            try tracker.forgetFlows(from: addresses)
        } catch {
            // Not fatal: the forward chain checks every packet; only redirected flows linger until they close.
            logger.warning("connection tracking flush failed", metadata: ["error": "\(error)"])
        }
    }

    func grant(for session: Session, timer: SessionTimer, at now: Duration) -> FirewallGrant {
        FirewallGrant(
            mac: session.mac, sessionSeconds: max(1, timer.remainingSeconds(at: now)), idleSeconds: session.idleSeconds,
            nat: layout.nat == nil ? nil : NATBinding(session: session))
    }
}
