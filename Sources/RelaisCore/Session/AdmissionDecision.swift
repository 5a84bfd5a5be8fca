/// The answer to "may this device be let through now?", as a value.
public enum AdmissionDecision: Sendable, Equatable {
    /// Open this session.
    case admit(Session)
    /// Refuse, for this reason.
    case denied(reason: DenialReason)
}

/// Why a device is refused.
public enum DenialReason: String, Sendable, Equatable {
    /// An operator blocked the device.
    case blocked
    /// The device's hardware address could not be found (not on the LAN, or not yet in the neighbour table).
    case unknownDevice = "unknown-device"
    /// A group address or the all-zero address: not a single device.
    case invalidDevice = "invalid-device"
    /// As many devices as the box admits (`session.max_devices`) are already connected.
    case capacityReached = "capacity-reached"
    /// The wall clock is not set yet (a box without a battery-backed clock, before NTP): no session can
    /// be dated, so none is opened; the page says to try again in a minute.
    case clockNotSet = "clock-not-set"
    /// Every block of public source ports is leased to a connected device (NAT mode `port-blocks`).
    case portBlocksExhausted = "port-blocks-exhausted"
}
