import RelaisCore

/// What an operator batch changed: the devices acted on, and those left as they were.
public struct OperatorBatchResult: Sendable, Equatable {
    public var changed: [MACAddress]
    public var unchanged: [MACAddress]

    public init(changed: [MACAddress], unchanged: [MACAddress]) {
        self.changed = changed
        self.unchanged = unchanged
    }
}
