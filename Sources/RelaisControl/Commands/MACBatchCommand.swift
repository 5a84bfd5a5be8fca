import RelaisCore

/// A command acting on a batch of devices (`auth`, `deauth`, `block`, `unblock`): MACs in, counts out.
public protocol MACBatchCommand: ControlCommand where Request == MACBatch, Response == BatchOutcome {
    /// Past participle for the summary: « 3 appareils autorisés ».
    static var verb: String { get }
}

extension MACBatchCommand {
    public static func itemCount(of request: MACBatch) -> Int { request.macs.count }
}

/// The devices a batch command acts on: `{"command":"authorize","macs":["aa:bb:cc:dd:ee:ff"]}`.
public struct MACBatch: Codable, Sendable, Equatable {
    public var macs: [MACAddress]

    public init(_ macs: [MACAddress]) {
        self.macs = macs
    }
}

/// What a batch command did to the listed devices.
public struct BatchOutcome: Codable, Sendable, Equatable {
    /// Devices the batch changed.
    public var affected: Int
    /// Devices already in the requested state (or skipped, e.g. blocked devices on `authorize`).
    public var unchanged: [MACAddress]
    /// Devices refused as not a single device (group, broadcast or all-zero addresses).
    public var invalid: [MACAddress]
    /// Devices refused because the box already serves `session.max_devices` devices.
    public var overCapacity: [MACAddress]

    public init(affected: Int, unchanged: [MACAddress] = [], invalid: [MACAddress] = [], overCapacity: [MACAddress] = []) {
        self.affected = affected
        self.unchanged = unchanged
        self.invalid = invalid
        self.overCapacity = overCapacity
    }
}
