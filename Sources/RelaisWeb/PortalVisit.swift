import FoundationEssentials
import RelaisHTTP

/// What the pages of one request share: the request, its language and the time.
struct PortalVisit {
    let request: HTTPRequest
    /// Decoded query parameters (empty when the query is malformed).
    let query: [String: String]
    let language: PortalLanguage
    /// True when the visitor picked the language (`lang=`), so internal links keep it.
    let explicitLanguage: Bool
    let now: Date

    init(request: HTTPRequest, form: [String: String] = [:], now: Date) {
        self.request = request
        self.query = request.queryParameters ?? [:]
        let choice = PortalLanguage.negotiate(chosen: query["lang"] ?? form["lang"], acceptLanguage: request.header("accept-language"))
        self.language = choice.language
        self.explicitLanguage = choice.explicit
        self.now = now
    }

    var ipAddress: String { request.clientAddress }

    /// The value of the hidden `lang` field of forms; nil when the browser's preference applies.
    var languageField: String? { explicitLanguage ? language.rawValue : nil }

    /// `?lang=xx` to append to internal links, or "" when the browser's preference applies.
    var languageQuery: String { explicitLanguage ? "?lang=\(language.rawValue)" : "" }
}
