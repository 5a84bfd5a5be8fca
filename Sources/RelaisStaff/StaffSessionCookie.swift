import RelaisCore
import RelaisCrypto
import RelaisHTTP

/// The agent's session cookie: 32 random bytes in hex. Only their SHA-256 is stored, so a copy of
/// the database does not let anyone sign in.
enum StaffSessionCookie {
    static let name = "relais_agent"

    /// The digest of the cookie's token, when the request carries a well-formed one.
    static func tokenDigest(in request: HTTPRequest) -> [UInt8]? {
        guard request.headers.contains(where: { $0.name == "cookie" }),
              let value = Cookies(request: request)[name], value.utf8.count == 64,
              let token = Hex.decode(value) else { return nil }
        return try? SHA256Digest.hash(token)
    }

    /// The cookie holding `token`: HttpOnly, SameSite=Strict, Secure on TLS, gone when the browser closes.
    static func setting(_ token: String, secure: Bool) -> SetCookie {
        SetCookie(name: name, value: token, path: "/", secure: secure)
    }

    static func deletion(secure: Bool) -> SetCookie {
        SetCookie.deletion(of: name, secure: secure)
    }
}
