import FoundationEssentials
import RelaisHTTP

/// Renders a page inside the common layout, with the texts of the visit's language.
/// Security and cache headers are added by the router's middleware.
struct PortalRenderer: Sendable {
    let settings: PortalSettings
    let templates: PortalTemplates

    var messages: PortalMessages { templates.messages }

    /// The page `name` in the visit's language. `switchPath` is where the language link leads
    /// (the page itself by default; result pages of a POST lead to `/`).
    func page(_ name: String, _ values: [String: Any], visit: PortalVisit, status: Int = 200, switchPath: String? = nil) -> HTTPResponse {
        let switchHref = switchHref(visit: visit, path: switchPath ?? visit.request.path)
        guard let html = html(name, values, language: visit.language, languageQuery: visit.languageQuery, switchHref: switchHref) else {
            return HTTPResponse(status: 500)
        }
        return response(Array(html.utf8), status: status)
    }

    /// The page's HTML, with the values every page shares; nil when the template is missing.
    func html(_ name: String, _ values: [String: Any], language: PortalLanguage, languageQuery: String, switchHref: String) -> String? {
        var all = values
        all["t"] = messages[language].templateValue
        all["french"] = messages[.fr].templateValue
        all["lang"] = language.rawValue
        all["otherLang"] = language.other.rawValue
        all["isFrench"] = language == .fr
        all["venueName"] = settings.venueName
        all["devMode"] = settings.developmentMode
        all["langQuery"] = languageQuery
        all["switchHref"] = switchHref
        all["cssHref"] = "/static/portal.css?v=\(templates.assets["portal.css"]?.version ?? "0")"
        return templates.render(name, values: all)
    }

    /// A piece of a page (no layout) in `language`, with the texts and the language query.
    func fragment(_ name: String, _ values: [String: Any], language: PortalLanguage, languageQuery: String) -> String? {
        var all = values
        all["t"] = messages[language].templateValue
        all["langQuery"] = languageQuery
        return templates.render(name, values: all)
    }

    /// An HTML body with its content type.
    func response(_ body: [UInt8], status: Int) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/html; charset=utf-8")], body: body)
    }

    /// The other language's address of this page, keeping where the visitor was going.
    func switchHref(visit: PortalVisit, path: String) -> String {
        // A path may carry its own query (a help request's ticket): the language joins it.
        var href = "\(path)\(path.contains("?") ? "&" : "?")lang=\(visit.language.other.rawValue)"
        if let target = visit.query["continue"], !target.isEmpty {
            href += "&continue=\(URLEncodedForm.encode(target))"
        }
        return href
    }
}
