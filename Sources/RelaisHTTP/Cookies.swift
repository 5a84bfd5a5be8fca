/// The cookies a request carries, read tolerantly from its `Cookie` header fields.
public struct Cookies: Sendable {
    private let pairs: [(name: String, value: String)]

    /// Parses every `Cookie` field: `name=value` pairs separated by `;`; pairs without `=` or with
    /// an empty name are skipped, quotes around a value removed, the first of a repeated name wins.
    public init(request: HTTPRequest) {
        var pairs: [(name: String, value: String)] = []
        for field in request.headers where field.name == "cookie" {
            for item in field.value.split(separator: ";") {
                guard let equals = item.firstIndex(of: "=") else { continue }
                let name = item[..<equals].trimmingOptionalWhitespace()
                var value = item[item.index(after: equals)...].trimmingOptionalWhitespace()
                guard !name.isEmpty else { continue }
                if value.count >= 2, value.first == "\"", value.last == "\"" { value = value.dropFirst().dropLast() }
                pairs.append((String(name), String(value)))
            }
        }
        self.pairs = pairs
    }

    /// The value of the first cookie called `name`.
    public subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }
}

/// One `Set-Cookie` field. Safe by default: HttpOnly, SameSite=Strict, path `/`.
public struct SetCookie: Sendable, Equatable {
    public var name: String
    public var value: String
    /// Seconds the browser keeps it; nil for a session cookie, 0 to delete it.
    public var maxAge: Int?
    public var path: String
    public var httpOnly: Bool
    /// Set it when the listener is TLS, so the cookie never travels in clear.
    public var secure: Bool

    public init(name: String, value: String, maxAge: Int? = nil, path: String = "/", httpOnly: Bool = true, secure: Bool) {
        self.name = name
        self.value = value
        self.maxAge = maxAge
        self.path = path
        self.httpOnly = httpOnly
        self.secure = secure
    }

    /// The cookie that makes the browser forget `name`.
    public static func deletion(of name: String, path: String = "/", secure: Bool) -> SetCookie {
        SetCookie(name: name, value: "", maxAge: 0, path: path, secure: secure)
    }

    /// Names and values are restricted to cookie-safe characters (RFC 6265 token / cookie-octet);
    /// anything else would let a value inject attributes.
    public var isValid: Bool {
        !name.isEmpty && name.utf8.allSatisfy(Self.isTokenByte) && value.utf8.allSatisfy(Self.isValueByte)
            && path.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f && $0 != UInt8(ascii: ";") }
    }

    /// The header field value, e.g. `lang=en; Path=/; Max-Age=31536000; HttpOnly; SameSite=Strict`.
    public var headerValue: String {
        var text = "\(name)=\(value); Path=\(path)"
        if let maxAge { text += "; Max-Age=\(max(0, maxAge))" }
        if secure { text += "; Secure" }
        if httpOnly { text += "; HttpOnly" }
        text += "; SameSite=Strict"
        return text
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7f && !"()<>@,;:\\\"/[]?={}".utf8.contains(byte)
    }

    private static func isValueByte(_ byte: UInt8) -> Bool {
        byte == 0x21 || (byte >= 0x23 && byte <= 0x2b) || (byte >= 0x2d && byte <= 0x3a)
            || (byte >= 0x3c && byte <= 0x5b) || (byte >= 0x5d && byte <= 0x7e)
    }
}

extension HTTPResponse {
    /// Adds a `Set-Cookie` field; an invalid cookie is dropped rather than sent malformed.
    public mutating func setCookie(_ cookie: SetCookie) {
        guard cookie.isValid else { return }
        headers.append(("Set-Cookie", cookie.headerValue))
    }
}
