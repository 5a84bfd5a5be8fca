import struct FoundationEssentials.Date

/// Issues and checks the hidden token of the portal's forms: a nonce, an expiry and a truncated HMAC
/// over the device's IP address, the nonce and the expiry. Pure: randomness and time come in as values.
public struct FormTokenCodec: Sendable {
    /// Bytes of the authentication code kept in the token (128 bits).
    public static let codeLength = 16
    /// Largest nonce accepted back, to bound work on hostile input.
    public static let maxNonceLength = 64

    private let authenticator: any MessageAuthenticator

    public init(authenticator: any MessageAuthenticator) {
        self.authenticator = authenticator
    }

    /// A URL-safe token `nonce.expiry.code` (hex, decimal, hex) valid until `now + lifetimeSeconds`.
    public func issue(boundTo ipAddress: String, nonce: [UInt8], now: Date, lifetimeSeconds: Int) -> String {
        let expiry = Int64(now.timeIntervalSince1970.rounded(.down)) + Int64(max(0, lifetimeSeconds))
        let nonceText = Hex.encode(nonce)
        let code = self.code(ipAddress: ipAddress, nonceText: nonceText, expiry: expiry)
        return "\(nonceText).\(expiry).\(Hex.encode(code))"
    }

    /// Checks a token sent back by the device at `ipAddress`. Never throws: every outcome is a value.
    public func verify(_ token: String, boundTo ipAddress: String, now: Date) -> FormTokenCheck {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3,
              parts[0].utf8.count <= 2 * Self.maxNonceLength,
              let nonce = Hex.decode(parts[0]), !nonce.isEmpty,
              parts[1].utf8.count <= 19, parts[1].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let expiry = Int64(parts[1]),
              let presented = Hex.decode(parts[2]), presented.count == Self.codeLength
        else { return .malformed }
        let expected = code(ipAddress: ipAddress, nonceText: String(parts[0]).lowercased(), expiry: expiry)
        // The code is checked before the expiry, so an altered expiry is never believed.
        guard expected.count == Self.codeLength, ConstantTime.equal(expected, presented) else { return .forged }
        let expiresAt = Date(timeIntervalSince1970: Double(expiry))
        guard now < expiresAt else { return .expired }
        return .valid(nonce: nonce, expiresAt: expiresAt)
    }

    /// A code shorter than `codeLength` (a failing authenticator) yields tokens that never verify: fail closed.
    private func code(ipAddress: String, nonceText: String, expiry: Int64) -> [UInt8] {
        var message: [UInt8] = []
        message.reserveCapacity(48 + ipAddress.utf8.count + nonceText.utf8.count)
        message.append(contentsOf: "relais-form-1|".utf8)
        message.append(contentsOf: ipAddress.utf8)
        message.append(UInt8(ascii: "|"))
        message.append(contentsOf: nonceText.utf8)
        message.append(UInt8(ascii: "|"))
        message.append(contentsOf: String(expiry).utf8)
        var code = authenticator.authenticationCode(for: message)
        if code.count > Self.codeLength { code.removeLast(code.count - Self.codeLength) }
        return code
    }
}
