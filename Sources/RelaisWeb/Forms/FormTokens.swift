import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// Issues the hidden token of each form, bound to its purpose and its subject, and spends it once.
/// The binding is inside the token's HMAC (checked in constant time by `FormTokenCodec`).
public struct FormTokens: Sendable {
    let codec: FormTokenCodec
    let random: any RandomSource
    let used: UsedFormTokens
    let lifetimeSeconds: Int

    /// Why a token sent back is refused (for logs; the visitor sees one message).
    public enum Refusal: String, Sendable {
        /// Authentic but too old.
        case expired
        /// Altered, or issued for another purpose or subject (the cases cannot be told apart).
        case forged
        case malformed
        case reused
    }

    /// The verdict on a token sent back.
    public enum Spend: Sendable, Equatable {
        case accepted
        case refused(Refusal)
        /// A bound of the spent-token registry is reached: the answer is this error (503 or 429).
        case unavailable(HTTPError)
    }

    public init(codec: FormTokenCodec, random: any RandomSource, used: UsedFormTokens, lifetimeSeconds: Int) {
        self.codec = codec
        self.random = random
        self.used = used
        self.lifetimeSeconds = lifetimeSeconds
    }

    /// A fresh token for `purpose` and `subject`; throws 503 (registry full) or 429 (this client's
    /// bound reached) instead of issuing a form that could not be spent.
    public func issue(_ purpose: FormPurpose, for subject: FormSubject, now: Date) throws(HTTPError) -> String {
        let client = subject.client
        if let error = Self.error(for: used.room(for: client, now: now)) { throw error }
        return codec.issue(boundTo: Self.binding(purpose, client: client), nonce: random.bytes(16), now: now, lifetimeSeconds: lifetimeSeconds)
    }

    /// Checks the token against `purpose` and `subject` and spends it.
    public func spend(_ token: String, _ purpose: FormPurpose, from subject: FormSubject, now: Date) -> Spend {
        let client = subject.client
        switch codec.verify(token, boundTo: Self.binding(purpose, client: client), now: now) {
        case .valid(let nonce, let expiresAt):
            let outcome = used.consume(nonce: nonce, client: client, expiresAt: expiresAt, now: now)
            if outcome == .reused { return .refused(.reused) }
            return Self.error(for: outcome).map(Spend.unavailable) ?? .accepted
        case .expired: return .refused(.expired)
        case .forged: return .refused(.forged)
        case .malformed: return .refused(.malformed)
        }
    }

    /// What the codec authenticates: purpose and subject (`connect|ip:192.0.2.50`). Unambiguous:
    /// purpose names are code constants without `|`, and the subject, whatever it holds, comes last.
    static func binding(_ purpose: FormPurpose, client: String) -> String {
        purpose.name + "|" + client
    }

    private static func error(for outcome: UsedFormTokens.Outcome) -> HTTPError? {
        switch outcome {
        case .accepted, .reused: nil
        case .full: HTTPError(.serviceUnavailable, headers: [("Retry-After", "120")])
        case .clientLimit: HTTPError(.tooManyRequests, headers: [("Retry-After", "120")])
        }
    }
}
