import RelaisHTTP

/// The portal's own error pages.
enum PortalErrorKind: Int {
    case badRequest = 400
    case notFound = 404
    case methodNotAllowed = 405
}

extension PortalResponder {
    /// A short page saying what went wrong and leading back to the welcome page.
    func errorPage(_ kind: PortalErrorKind, visit: PortalVisit, allow: String? = nil) -> HTTPResponse {
        let values: [String: Any] = [
            "badRequest": kind == .badRequest, "notFound": kind == .notFound, "methodNotAllowed": kind == .methodNotAllowed,
        ]
        var response = renderer.page("error", values, visit: visit, status: kind.rawValue, switchPath: "/")
        if let allow { response.headers.append(("Allow", allow)) }
        return response
    }
}
