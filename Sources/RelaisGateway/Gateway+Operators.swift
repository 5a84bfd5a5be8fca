import FoundationEssentials
import RelaisCore

extension Gateway {
    /// Opens sessions for devices an operator names, seen or not. Group and all-zero addresses and
    /// blocked devices are left unchanged; devices beyond the capacity are refused, each by name.
    public func authorize(_ macs: [MACAddress]) async throws -> OperatorBatchResult {
        try await exclusively {
            let wall = clocks.wallNow(), now = clocks.monotonicNow()
            guard clockIsSet() else { return OperatorBatchResult(changed: [], unchanged: macs) }
            var sessions: [Session] = []
            var skipped: [MACAddress] = []
            for mac in macs {
                switch policy.admitByOperator(mac: mac, isBlocked: directory.isBlocked(mac), now: wall) {
                case .admit(let session): sessions.append(session)
                case .denied: skipped.append(mac)
                }
            }
            let outcomes = try await admit(sessions, at: now)
            var opened: [MACAddress] = [], full: [MACAddress] = []
            for (session, outcome) in zip(sessions, outcomes) {
                switch outcome {
                case .admitted: opened.append(session.mac)
                case .denied(.capacityReached): full.append(session.mac)
                case .denied: skipped.append(session.mac)
                }
            }
            MemoryTrim.afterBatch(of: opened.count)
            logger.info("operator authorized devices", metadata: ["gateway.count": "\(opened.count)", "gateway.skipped": "\(skipped.count)"])
            if !full.isEmpty { warnCapacityReached(refused: full.count) }
            return OperatorBatchResult(changed: opened, unchanged: skipped, refusedForCapacity: full)
        }
    }

    /// Ends the sessions of these devices.
    public func deauthorize(_ macs: [MACAddress]) async throws -> OperatorBatchResult {
        try await exclusively {
            let live = macs.compactMap(directory.session(for:))
            let ended = try await close(live, reason: .operatorDeauth, at: clocks.monotonicNow())
            MemoryTrim.afterBatch(of: ended.count)
            let endedMACs = Set(ended.map(\.mac))
            logger.info("operator deauthorized devices", metadata: ["gateway.count": "\(ended.count)"])
            return OperatorBatchResult(changed: ended.map(\.mac), unchanged: macs.filter { !endedMACs.contains($0) })
        }
    }

    /// Blocks or unblocks devices; blocking ends their sessions, in the same store transaction.
    public func setBlocked(_ macs: [MACAddress], blocked: Bool) async throws -> OperatorBatchResult {
        try await exclusively {
            let before = directory.blockedDevices()
            let changing = macs.filter { before.contains($0) != blocked }
            // Store, then the directory (its mirror), then the kernel: a firewall failure leaves only
            // kernel drift, which the next sweep repairs.
            if blocked {
                let now = clocks.monotonicNow()
                var endDates: [MACAddress: Date] = [:]
                for mac in macs { if let session = directory.session(for: mac) { endDates[mac] = endDate(of: session, at: now) } }
                let ended = try await store.block(macs, endDates: endDates, at: clocks.wallNow())
                directory.setBlocked(macs, blocked: true)
                try retire(ended)
                try firewall.setBlocked(macs, blocked: true)
            } else {
                try await store.unblock(macs)
                directory.setBlocked(macs, blocked: false)
                try firewall.setBlocked(macs, blocked: false)
            }
            logger.info(blocked ? "operator blocked devices" : "operator unblocked devices", metadata: ["gateway.count": "\(changing.count)"])
            let changingSet = Set(changing)
            return OperatorBatchResult(changed: changing, unchanged: macs.filter { !changingSet.contains($0) })
        }
    }
}
