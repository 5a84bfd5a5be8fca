/// One optional purpose a visitor may tick, with how long what it keeps is kept. The wifi never depends on it.
public struct ConsentPurpose: Sendable, Equatable, Hashable {
    /// The purpose of the « Se souvenir de cet appareil » box.
    public static let rememberDeviceID = "remember-device"

    /// Stable identifier (letters, digits, "-"), recorded with each consent.
    public var id: String
    /// Days what this purpose keeps is kept after the consent, unless withdrawn earlier.
    public var retentionDays: Int

    public init(id: String, retentionDays: Int) {
        self.id = id
        self.retentionDays = retentionDays
    }

    /// Whether this purpose keeps a device identifier (a keyed hash) to reconnect without the portal.
    public var remembersDevice: Bool { id == Self.rememberDeviceID }
}
