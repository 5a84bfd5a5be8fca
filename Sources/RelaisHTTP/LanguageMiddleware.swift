/// A language pages can be shown in: its raw value is the tag (`fr`, `en`).
public protocol NegotiableLanguage: RawRepresentable<String>, CaseIterable, Sendable, Equatable {
    /// The language when nothing says otherwise.
    static var fallback: Self { get }
}

/// A context that carries the negotiated language.
public protocol LanguageContext<Language>: RequestContext {
    associatedtype Language: NegotiableLanguage
    var language: Language { get set }
    /// True when the visitor chose it (`?lang=` or the cookie), so links keep the choice.
    var explicitLanguage: Bool { get set }
}

/// Picks the language of the answer: `?lang=` wins (and is remembered in a cookie), then the `lang`
/// cookie, then the browser's Accept-Language, then the fallback.
public struct LanguageMiddleware<Context: LanguageContext>: TransformingMiddleware {
    public static var cookieName: String { "lang" }
    let cookieMaxAge: Int
    /// The languages and their tags, listed once: the header is then read by non-generic code
    /// (generic code called from another module runs unspecialized, through witness tables).
    let languages: [Context.Language]
    let tags: [String]

    public init(cookieMaxAgeSeconds: Int = 31_536_000) {
        cookieMaxAge = cookieMaxAgeSeconds
        languages = Array(Context.Language.allCases)
        tags = languages.map(\.rawValue)
    }

    public func prepare(_ request: HTTPRequest, context: inout Context) throws {
        if let chosen = Self.queryValue("lang", in: request.query), let language = Self.language(chosen) {
            (context.language, context.explicitLanguage) = (language, true)
        } else if request.headers.contains(where: { $0.name == "cookie" }),
                  let remembered = Cookies(request: request)[Self.cookieName], let language = Self.language(remembered) {
            (context.language, context.explicitLanguage) = (language, true)
        } else {
            (context.language, context.explicitLanguage) = (preferred(by: request.header("accept-language")) ?? .fallback, false)
        }
    }

    public func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse) {
        // Remembered only when chosen through the link, and only if the cookie says otherwise.
        guard let chosen = Self.queryValue("lang", in: request.query), Self.language(chosen) == context.language,
              Cookies(request: request)[Self.cookieName] != context.language.rawValue else { return }
        response.setCookie(SetCookie(
            name: Self.cookieName, value: context.language.rawValue, maxAge: cookieMaxAge, secure: context.isSecure))
    }

    static func language(_ tag: some StringProtocol) -> Context.Language? {
        Context.Language(rawValue: tag.lowercased())
    }

    /// The raw value of `name` in a query string, without decoding the rest (language tags need none).
    static func queryValue(_ name: String, in query: String) -> Substring? {
        guard !query.isEmpty else { return nil }
        for pair in query.split(separator: "&") {
            guard let equals = pair.firstIndex(of: "="), pair[..<equals] == name else { continue }
            return pair[pair.index(after: equals)...]
        }
        return nil
    }

    /// The highest-weighted supported language of an Accept-Language header (ties go to the first
    /// listed). Read on the bytes, without splitting into strings: every welcome page pays for it.
    public func preferred(by header: String?) -> Context.Language? {
        guard var header else { return nil }
        let tags = self.tags
        return header.withUTF8 { AcceptLanguage.preferred(in: $0, among: tags) }.map { languages[$0] }
    }
}
