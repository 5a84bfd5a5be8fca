import struct FoundationEssentials.Date

/// The verdict on a form token, as a value the page turns into an answer.
public enum FormTokenCheck: Sendable, Equatable {
    /// Issued by this box to this device and still in time; `nonce` identifies it for single use.
    case valid(nonce: [UInt8], expiresAt: Date)
    /// Authentic but too old: the visitor waited too long before pressing the button.
    case expired
    /// The code does not match: altered, or issued to another device (the two cannot be told apart).
    case forged
    /// Not a token at all (wrong shape, bad hex, empty).
    case malformed
}
