import RelaisCore

/// What the gateway needs for optional consents: where they are kept, how a device is hashed (nil without
/// its key: then no device is remembered, other purposes are still recorded), and the policy.
public struct GatewayConsent: Sendable {
    let store: any ConsentStore
    let hasher: DeviceHasher?
    let policy: ConsentPolicy

    public init(store: any ConsentStore, hasher: DeviceHasher?, policy: ConsentPolicy) {
        self.store = store
        self.hasher = hasher
        self.policy = policy
    }
}
