import Logging
import RelaisCore

extension Gateway {
    /// Tells the operator every block of public ports is leased, at most once a minute; each refusal is
    /// counted at debug level. The message names no device: the remedy is a setting.
    func warnPortBlocksExhausted() {
        let now = clocks.monotonicNow()
        if let last = portBlocksWarnedAt, now - last < .seconds(60) {
            logger.debug("port blocks exhausted: device refused")
            return
        }
        portBlocksWarnedAt = now
        logger.warning("port blocks exhausted: new devices are refused; lower nat.ports_per_device to have more blocks",
                       metadata: ["nat.connected": "\(directory.count)"])
    }
}

extension Gateway {
    /// Compares the kernel's NAT map with the live sessions' bindings and, if they differ, rebuilds the
    /// owned table from the directory (an atomic replacement; rare: only a hand edit or a lost write makes
    /// them differ). Sessions opened after the listing and those ended by this sweep are not judged on it.
    /// Returns the number of elements found wrong, missing or stray. Called inside the sweep's turn.
    func repairNATDrift(_ listing: KernelListing, ended: [Session], at now: Duration) throws -> Int {
        guard layout.nat != nil, let kernel = listing.sets.nat else { return 0 }
        var expected: [IPAddress: NATBinding] = [:], unjudged = Set(ended.compactMap { $0.ipAddress?.normalized })
        for entry in directory.entries() {
            guard let binding = NATBinding(session: entry.session) else { continue }
            if entry.timer.start <= listing.takenAt { expected[binding.privateAddress] = binding } else { unjudged.insert(binding.privateAddress) }
        }
        let wrong = expected.filter { address, binding in kernel[address].map { !Self.samePorts($0, binding) } ?? true }.count
        let strays = kernel.keys.filter { expected[$0] == nil && !unjudged.contains($0) }.count
        guard wrong + strays > 0 else { return 0 }
        let entries = directory.entries()
        try firewall.install(layout, grants: entries.map { grant(for: $0.session, timer: $0.timer, at: now) }, blocked: directory.blockedDevices().sorted())
        logger.notice("firewall NAT map drift repaired: table rebuilt from the live sessions", metadata: [
            "nat.wrong_or_missing": "\(wrong)", "nat.strays": "\(strays)", "nat.sessions": "\(entries.count)",
        ])
        return wrong + strays
    }

    /// The same public address and ports (the kernel knows no block index).
    static func samePorts(_ one: NATBinding, _ other: NATBinding) -> Bool {
        one.privateAddress == other.privateAddress && one.block.publicAddress == other.block.publicAddress
            && one.block.ports == other.block.ports
    }
}
