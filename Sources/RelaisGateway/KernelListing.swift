import RelaisCore

/// The firewall's sets as the sweep read them, and when: sessions opened after `takenAt` are not judged
/// on it (they could not be in it).
public struct KernelListing: Sendable, Equatable {
    public var sets: FirewallListing
    /// Monotonic instant just before the kernel was read.
    public var takenAt: Duration

    public init(sets: FirewallListing, takenAt: Duration) {
        self.sets = sets
        self.takenAt = takenAt
    }
}

/// What one sweep did: the sessions it ended, and the drift between store and kernel it repaired.
public struct SweepResult: Sendable, Equatable {
    /// Sessions ended (hard limit, idle), as stored.
    public var ended: [Session]
    /// Set elements with no live session, removed from the kernel.
    public var straysRemoved: [MACAddress]
    /// Live sessions missing from the kernel with time left, granted again.
    public var regranted: [MACAddress]
    /// Devices added to, or removed from, the kernel's blocked set to match the store.
    public var blocksRepaired: [MACAddress]

    public init(ended: [Session] = [], straysRemoved: [MACAddress] = [], regranted: [MACAddress] = [], blocksRepaired: [MACAddress] = []) {
        self.ended = ended
        self.straysRemoved = straysRemoved
        self.regranted = regranted
        self.blocksRepaired = blocksRepaired
    }
}
