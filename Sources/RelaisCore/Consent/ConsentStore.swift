import struct FoundationEssentials.Date

/// Durable consents and remembered devices. The grant itself is written by `SessionStore.admit`, in the
/// transaction of the session it came with (`Admission.consent`).
public protocol ConsentStore: Sendable {
    /// The unexpired consent that remembers this device at `now`, if any.
    func rememberedConsent(for device: DeviceHash, at now: Date) async throws -> RememberedConsent?
    /// Withdraws every consent of this device at `now`: the consent records keep the withdrawal time,
    /// the device's hash is deleted at once. Returns how many consents were withdrawn.
    func withdrawConsents(of device: DeviceHash, at now: Date) async throws -> Int
    /// Every unexpired, unwithdrawn remembered device at `now` with its expiry, loaded at start so that
    /// the portal's fast path can tell from memory whether a device may be remembered.
    func rememberedDevices(at now: Date) async throws -> [DeviceHash: Date]
}

