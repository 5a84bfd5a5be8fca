import RelaisHTTP

extension PortalPages {
    /// The page of an error: what went wrong, in the visitor's language, and the way back to the
    /// welcome page. Its status and extra headers are set by the error middleware.
    func errorPage(_ error: HTTPError, _ request: HTTPRequest, _ context: PortalContext) -> HTTPResponse {
        let visit = PortalVisit(request: request, context: context, now: clock())
        let messages = renderer.messages[visit.language]
        let values: [String: Any] = [
            "errorTitle": messages[PortalMessages.errorTitleKey(error.code)],
            "errorText": messages[PortalMessages.errorTextKey(error.code)],
        ]
        return renderer.page("error", values, visit: visit, status: error.status, switchPath: "/")
    }
}
