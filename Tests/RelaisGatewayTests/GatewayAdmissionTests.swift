import Foundation
import RelaisCore
import RelaisGateway
import RelaisStore
import RelaisTesting
import Synchronization
import Testing

/// The store forwarding to SQLite, able to hold an admission after it committed, until released: the
/// moment an operator's command could slip in before the grant.
final class PausingStore: SessionStore {
    let base: AppDatabase
    private let paused = Mutex<CheckedContinuation<Void, Never>?>(nil)
    private let reached: AsyncStream<Void>
    private let reachedContinuation: AsyncStream<Void>.Continuation
    let holdNextAdmission = Mutex(false)

    init(_ base: AppDatabase) {
        self.base = base
        (reached, reachedContinuation) = AsyncStream.makeStream()
    }

    /// Waits until an admission has committed and is being held.
    func admissionHeld() async {
        for await _ in reached { return }
    }

    func release() {
        paused.withLock { $0?.resume(); $0 = nil }
    }

    func admit(_ admissions: [Admission], capacity: Int) async throws -> [AdmissionOutcome] {
        let outcomes = try await base.admit(admissions, capacity: capacity)
        if holdNextAdmission.withLock({ hold in defer { hold = false }; return hold }) {
            await withCheckedContinuation { continuation in
                paused.withLock { $0 = continuation }
                reachedContinuation.yield()
            }
        }
        return outcomes
    }

    func liveSessions(at now: Date) async throws -> [Session] { try await base.liveSessions(at: now) }
    func endSessions(_ endings: [SessionEnding]) async throws -> [Session] { try await base.endSessions(endings) }
    func endExpiredSessions(at now: Date) async throws -> [Session] { try await base.endExpiredSessions(at: now) }
    func blockedDevices() async throws -> Set<MACAddress> { try await base.blockedDevices() }
    func block(_ macs: [MACAddress], endDates: [MACAddress: Date], at now: Date) async throws -> [Session] {
        try await base.block(macs, endDates: endDates, at: now)
    }
    func unblock(_ macs: [MACAddress]) async throws { try await base.unblock(macs) }
}

@Suite struct GatewayAdmissionTests {
    /// The firewall fails after the store admitted: the session is ended in the store with its reason,
    /// and nothing passes.
    @Test func aFirewallFailureEndsTheStoredSession() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        rig.firewall.failGrants.withLock { $0 = true }
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .failed)
        let sessions = try await rig.allSessions()
        #expect(sessions.map(\.endReason) == [.firewallFailure])
        #expect(sessions.first?.endedAt == sessions.first?.startedAt)
        #expect(rig.gateway.directory.count == 0)
        try await rig.expectAgreement()
        // The firewall works again: the visitor simply tries again.
        rig.firewall.failGrants.withLock { $0 = false }
        guard case .connected = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") else {
            Issue.record("should connect once the firewall works"); return
        }
        try await rig.expectAgreement()
    }

    /// An operator's block arrives while a visitor's admission of the same device has committed but is
    /// not yet granted. It waits its turn, then ends the session: store, firewall and directory agree.
    @Test func aBlockRacingAnAcceptLeavesEverythingInAgreement() async throws {
        var pausing: PausingStore?
        let rig = try Rig { database in
            let store = PausingStore(database)
            pausing = store
            return store
        }
        let store = try #require(pausing)
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        store.holdNextAdmission.withLock { $0 = true }
        let gateway = rig.gateway
        let accept = Task { await gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") }
        await store.admissionHeld()
        let block = Task { try await gateway.setBlocked([phone], blocked: true) }
        // Let the block run as far as it can: without turns it would end the session here, before the grant.
        for _ in 0..<50 { await Task.yield() }
        store.release()
        guard case .connected = await accept.value else { Issue.record("the accept committed first"); return }
        #expect(try await block.value.changed == [phone])
        #expect(try await rig.allSessions().map(\.endReason) == [.blocked])
        #expect(rig.firewall.contents.grants.isEmpty)
        #expect(rig.gateway.directory.session(for: phone) == nil)
        try await rig.expectAgreement()
    }

    /// The block commits first: the admission's own transaction sees it and refuses, whatever the
    /// directory believed when the visitor pressed the button.
    @Test func anAdmissionRechecksTheBlockInTheStore() async throws {
        let rig = try Rig()
        try await rig.gateway.start()
        _ = try await rig.database.block([phone], endDates: [:], at: rig.clock.now)
        rig.neighbours.set("192.0.2.10", phone)
        #expect(!rig.gateway.directory.isBlocked(phone))
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1") == .denied(.blocked))
        #expect(try await rig.allSessions().isEmpty)
        #expect(rig.firewall.contents.grants.isEmpty)
    }

    @Test func atCapacityVisitorsAndOperatorsAreToldSo() async throws {
        let rig = try Rig(capacity: 2)
        try await rig.gateway.start()
        rig.neighbours.set("192.0.2.10", phone)
        rig.neighbours.set("192.0.2.11", laptop)
        rig.neighbours.set("192.0.2.12", tablet)
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v1")
        _ = await rig.gateway.acceptTerms(ipAddress: "192.0.2.11", termsVersion: "v1")
        #expect(await rig.gateway.acceptTerms(ipAddress: "192.0.2.12", termsVersion: "v1") == .denied(.capacityReached))
        let warning = rig.logs.all.first { $0.level == .warning && $0.message.hasPrefix("capacity reached") }
        #expect(warning?.metadata["gateway.capacity"] == "2")
        #expect(!rig.logs.textAboveDebug.contains("192.0.2.12"))
        // A device already connected may accept again: it takes no more room.
        guard case .connected = await rig.gateway.acceptTerms(ipAddress: "192.0.2.10", termsVersion: "v2") else {
            Issue.record("re-acceptance needs no room"); return
        }
        // One leaves, one operator device fits, the others are refused by name.
        _ = await rig.gateway.logout(ipAddress: "192.0.2.11")
        let others = [MACAddress("02:00:00:00:00:10")!, MACAddress("02:00:00:00:00:11")!]
        let result = try await rig.gateway.authorize([tablet] + others)
        #expect(result.changed == [tablet])
        #expect(result.refusedForCapacity == others)
        // The operator was told once: a full box must not flood the journal with one warning per try.
        #expect(rig.logs.all.filter { $0.level == .warning }.count == 1)
        rig.clock.advance(by: 61)
        _ = try await rig.gateway.authorize(others)
        #expect(rig.logs.all.filter { $0.level == .warning }.count == 2)
        #expect(rig.gateway.directory.count == 2)
        try await rig.expectAgreement()
    }
}
