import struct FoundationEssentials.Date

/// The rules of optional consent. Every box is unticked by default (nothing ticked, nothing granted);
/// a consent is never a condition of access (admission never asks for one); it ends by itself after its
/// purposes' retention, and at once when withdrawn.
public struct ConsentPolicy: Sendable, Equatable {
    /// The purposes offered, in the order shown.
    public var purposes: [ConsentPurpose]

    public init(purposes: [ConsentPurpose]) {
        self.purposes = purposes
    }

    /// The purpose behind « Se souvenir de cet appareil », if offered.
    public var rememberDevice: ConsentPurpose? { purposes.first(where: \.remembersDevice) }

    /// The grant for the purposes the visitor ticked, or nil when none (unknown identifiers are ignored:
    /// only what the page offered can be granted). A device is remembered only when its purpose is ticked
    /// and the device is known.
    public func grant(ticked: Set<String>, notice: NoticeShown, device: DeviceHash?, now: Date) -> ConsentGrant? {
        let chosen = purposes.filter { ticked.contains($0.id) }
        guard let longest = chosen.map(\.retentionDays).max() else { return nil }
        let remembered = chosen.first(where: \.remembersDevice).flatMap { purpose in
            device.map { RememberedDevice(deviceHash: $0, expiresAt: Self.expiry(days: purpose.retentionDays, from: now)) }
        }
        return ConsentGrant(
            purposes: chosen.map(\.id), grantedAt: now, noticeVersion: notice.version,
            noticeTextSHA256: notice.textSHA256, expiresAt: Self.expiry(days: longest, from: now),
            rememberedDevice: remembered)
    }

    /// Whether a remembered device may still pass without the portal at `now`.
    public static func isValid(_ remembered: RememberedConsent, at now: Date) -> Bool {
        now < remembered.expiresAt
    }

    /// `days` after `now`, in elapsed time (a retention, not a civil date).
    public static func expiry(days: Int, from now: Date) -> Date {
        now.addingTimeInterval(Double(days) * 86_400)
    }
}
