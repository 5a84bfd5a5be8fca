import RelaisCore

/// What an operator batch changed: the devices acted on, those left as they were, and those refused.
public struct OperatorBatchResult: Sendable, Equatable {
    public var changed: [MACAddress]
    /// Already in the requested state, or skipped (blocked devices, group or all-zero addresses).
    public var unchanged: [MACAddress]
    /// Refused because the box already holds `session.max_devices` sessions; nothing written for them.
    public var refusedForCapacity: [MACAddress]

    public init(changed: [MACAddress], unchanged: [MACAddress], refusedForCapacity: [MACAddress] = []) {
        self.changed = changed
        self.unchanged = unchanged
        self.refusedForCapacity = refusedForCapacity
    }
}
