import FoundationEssentials
import RelaisHTTP

/// Renders a page inside the common layout and wraps it in a response with the security headers.
struct PortalRenderer: Sendable {
    let settings: PortalSettings
    let templates: PortalTemplates

    /// Only our own stylesheet and forms; no script, no framing.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static let securityHeaders: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("X-Frame-Options", "DENY"),
    ]

    /// The page `name` in the visit's language. `switchPath` is where the language link leads
    /// (the page itself by default; result pages of a POST lead to `/`).
    func page(_ name: String, _ values: [String: Any], visit: PortalVisit, status: Int = 200, switchPath: String? = nil) -> HTTPResponse {
        let switchHref = switchHref(visit: visit, path: switchPath ?? visit.request.path)
        guard let html = html(name, values, language: visit.language, languageQuery: visit.languageQuery, switchHref: switchHref) else {
            return .text("Erreur interne : modèle de page absent.", status: 500)
        }
        return response(Array(html.utf8), status: status)
    }

    /// The page's HTML, with the values every page shares; nil when the template is missing.
    func html(_ name: String, _ values: [String: Any], language: PortalLanguage, languageQuery: String, switchHref: String) -> String? {
        var all = values
        all["venueName"] = settings.venueName
        all["devMode"] = settings.developmentMode
        all["langQuery"] = languageQuery
        all["switchHref"] = switchHref
        all["cssHref"] = "/static/portal.css?v=\(templates.assets["portal.css"]?.version ?? "0")"
        return templates.render(name, language: language, values: all)
    }

    /// An HTML body with the page headers and the security headers.
    func response(_ body: [UInt8], status: Int) -> HTTPResponse {
        var response = HTTPResponse(
            status: status, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")], body: body)
        response.headers += Self.securityHeaders
        return response
    }

    /// The other language's address of this page, keeping where the visitor was going.
    func switchHref(visit: PortalVisit, path: String) -> String {
        var href = "\(path)?lang=\(visit.language.other.rawValue)"
        if let target = visit.query["continue"], !target.isEmpty {
            href += "&continue=\(URLEncodedForm.encode(target))"
        }
        return href
    }
}
