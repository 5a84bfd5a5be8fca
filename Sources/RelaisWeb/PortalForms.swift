import FoundationEssentials
import RelaisCore

/// Issues the hidden token of each form and spends it once, for one device.
struct PortalForms: Sendable {
    let codec: FormTokenCodec
    let random: any RandomSource
    let used: UsedFormTokens
    let lifetimeSeconds: Int

    /// Why a token sent back is refused (for logs; the visitor sees one message).
    enum Refusal: String {
        case expired, forged, malformed, reused
    }

    /// A fresh token bound to this device.
    func issue(for ipAddress: String, now: Date) -> String {
        codec.issue(boundTo: ipAddress, nonce: random.bytes(16), now: now, lifetimeSeconds: lifetimeSeconds)
    }

    /// Checks the token and spends it; nil when accepted.
    func spend(_ token: String, from ipAddress: String, now: Date) -> Refusal? {
        switch codec.verify(token, boundTo: ipAddress, now: now) {
        case .valid(let nonce, let expiresAt):
            return used.consume(nonce: nonce, expiresAt: expiresAt, now: now) ? nil : .reused
        case .expired: return .expired
        case .forged: return .forged
        case .malformed: return .malformed
        }
    }
}
