import struct FoundationEssentials.Date

/// What a visitor agreed to, when, and after reading which notice: written with the session it came with.
/// It holds no clear device identifier, only the keyed hash of a device to remember.
public struct ConsentGrant: Sendable, Equatable {
    /// Identifiers of the purposes ticked, in the configured order.
    public var purposes: [String]
    public var grantedAt: Date
    /// Version of the notice the visitor was shown (see `NoticeVersion`).
    public var noticeVersion: String
    /// SHA-256 (lower-case hex) of the exact notice text shown, in the visitor's language.
    public var noticeTextSHA256: String
    /// When the consent ends by itself: the latest retention of its purposes.
    public var expiresAt: Date
    /// The device to let through without the portal, when « Se souvenir de cet appareil » was ticked.
    public var rememberedDevice: RememberedDevice?

    public init(purposes: [String], grantedAt: Date, noticeVersion: String, noticeTextSHA256: String,
                expiresAt: Date, rememberedDevice: RememberedDevice?) {
        self.purposes = purposes
        self.grantedAt = grantedAt
        self.noticeVersion = noticeVersion
        self.noticeTextSHA256 = noticeTextSHA256
        self.expiresAt = expiresAt
        self.rememberedDevice = rememberedDevice
    }
}

/// A device remembered under a consent: its keyed hash and when it is forgotten.
public struct RememberedDevice: Sendable, Equatable {
    public var deviceHash: DeviceHash
    public var expiresAt: Date

    public init(deviceHash: DeviceHash, expiresAt: Date) {
        self.deviceHash = deviceHash
        self.expiresAt = expiresAt
    }
}

/// A remembered device found in the store: the notice version of its consent, for the session it opens.
public struct RememberedConsent: Sendable, Equatable {
    public var consentID: Int64
    public var noticeVersion: String
    public var expiresAt: Date

    public init(consentID: Int64, noticeVersion: String, expiresAt: Date) {
        self.consentID = consentID
        self.noticeVersion = noticeVersion
        self.expiresAt = expiresAt
    }
}
