import RelaisCore

/// The sweep: ends sessions at their limits and reconciles the kernel's sets with the store's live
/// sessions (the directory mirrors the store: every change goes through the store first).
///
/// How drift is told from the kernel's own work. The kernel removes a device from `sessions` only when
/// its hard-limit timeout runs out, and from `active` when it was idle for the idle timeout:
/// - a live session with time left (more than `limitMargin`) missing from `sessions` was removed by
///   someone else (a hand `nft delete element`, a lost grant): it is granted again at once, with its
///   remaining time and a fresh idle timer;
/// - one missing from `sessions` within the margin of its limit ended on it (the kernel's timer runs a
///   little apart from ours): ended as `.sessionLimit`;
/// - one in `sessions` but missing from `active` went idle: ended as `.idle` when two sweeps in a row
///   find it so. A hand deletion from `active` alone cannot be told from an idle expiry, and is taken
///   for one;
/// - an element of either set with no live session is a stray: removed at once;
/// - the `blocked` set is made equal to the store's blocked devices.
/// Sessions opened after the listing was taken are not judged on it.
extension Gateway {
    /// The kernel's sets, with the monotonic time they were read. Not isolated: reading and decoding the
    /// sets takes long with thousands of devices, and visitors' acceptances must not queue behind it.
    public nonisolated func listKernel() throws -> KernelListing {
        let takenAt = clocks.monotonicNow()
        return KernelListing(sets: try firewall.listing(), takenAt: takenAt)
    }

    /// A device dropped by the kernel within this margin of its hard limit ended on the limit.
    static var limitMargin: Int { 2 }

    /// Ends sessions past their hard limit and those the kernel dropped for idleness, and repairs drift.
    /// `listing` is one taken by `listKernel()` just before; nil reads the kernel now.
    @discardableResult
    public func sweep(listing given: KernelListing? = nil) async throws -> SweepResult {
        try await exclusively {
            let listing = try given ?? listKernel()
            let now = clocks.monotonicNow()
            var atLimit: [Session] = [], idle: [Session] = [], regrant: [ClientDirectory.Entry] = []
            var stillIdle: Set<MACAddress> = []
            for entry in directory.entries() {
                let (session, timer) = (entry.session, entry.timer)
                if timer.isExpired(at: now) { atLimit.append(session); continue }
                guard timer.start <= listing.takenAt else { continue }
                if !listing.sets.granted.contains(session.mac) {
                    if timer.remainingSeconds(at: now) <= Self.limitMargin { atLimit.append(session) } else { regrant.append(entry) }
                } else if !listing.sets.active.contains(session.mac) {
                    if idleAtLastSweep.contains(session.mac) { idle.append(session) } else { stillIdle.insert(session.mac) }
                }
            }
            idleAtLastSweep = stillIdle
            var ended = try await close(atLimit, reason: .sessionLimit, at: now)
            ended += try await close(idle, reason: .idle, at: now)
            try firewall.grant(regrant.map { grant(for: $0.session, timer: $0.timer, at: now) })
            let endedNow = Set(ended.map(\.mac))
            let strays = listing.sets.granted.union(listing.sets.active)
                .filter { !endedNow.contains($0) && directory.session(for: $0) == nil }.sorted()
            try firewall.revoke(strays)
            // The blocked set follows the store's blocked devices (a block or unblock made after the
            // listing is applied again: harmless).
            let blocked = directory.blockedDevices()
            let blocksMissing = blocked.subtracting(listing.sets.blocked).sorted()
            let blocksExtra = listing.sets.blocked.subtracting(blocked).sorted()
            try firewall.setBlocked(blocksMissing, blocked: true)
            try firewall.setBlocked(blocksExtra, blocked: false)
            _ = try repairNATDrift(listing, ended: ended, at: now)
            // A sweep over a large table (its two listings, the sets built from them) and the requests served
            // since the last one leave freed pages in the heap: hand them back with the ended sessions'.
            MemoryTrim.afterBatch(of: max(listing.sets.granted.count, ended.count))
            if !ended.isEmpty {
                logger.info("sessions ended by sweep", metadata: ["gateway.count": "\(ended.count)", "gateway.idle": "\(idle.count)"])
            }
            await minimizeLiveState()
            let blocksRepaired = blocksMissing.count + blocksExtra.count
            if !strays.isEmpty || !regrant.isEmpty || blocksRepaired > 0 {
                logger.notice("firewall drift repaired", metadata: [
                    "gateway.strays_removed": "\(strays.count)", "gateway.regranted": "\(regrant.count)",
                    "gateway.blocks_repaired": "\(blocksRepaired)",
                ])
            }
            return SweepResult(
                ended: ended, straysRemoved: strays, regranted: regrant.map(\.session.mac), blocksRepaired: blocksMissing + blocksExtra)
        }
    }
}
