import FoundationEssentials
import RelaisCore
import RelaisHTTP

/// What the pages of one request share: the request, its language and the time.
struct PortalVisit {
    let request: HTTPRequest
    /// Decoded query parameters (empty when the query is malformed).
    let query: [String: String]
    let language: PortalLanguage
    /// True when the visitor picked the language (`lang=` or its cookie), so internal links keep it.
    let explicitLanguage: Bool
    let now: Date

    /// A form's `lang` field overrides the negotiated language: it is the choice made on the page.
    init(request: HTTPRequest, context: PortalContext, form: [String: String] = [:], now: Date) {
        self.request = request
        self.query = request.queryParameters ?? [:]
        if let chosen = form["lang"], let language = PortalLanguage(rawValue: chosen.lowercased()) {
            (self.language, self.explicitLanguage) = (language, true)
        } else {
            (self.language, self.explicitLanguage) = (context.language, context.explicitLanguage)
        }
        self.now = now
    }

    var ipAddress: IPAddress { request.clientAddress }

    /// The value of the hidden `lang` field of forms; nil when the browser's preference applies.
    var languageField: String? { explicitLanguage ? language.rawValue : nil }

    /// `?lang=xx` to append to internal links, or "" when the browser's preference applies.
    var languageQuery: String { explicitLanguage ? "?lang=\(language.rawValue)" : "" }
}
