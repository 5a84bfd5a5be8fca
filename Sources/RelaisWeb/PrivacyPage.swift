import RelaisHTTP

extension PortalResponder {
    /// `GET /confidentialite`: what this portal records, why, and whom to ask.
    func privacy(_ visit: PortalVisit) -> HTTPResponse {
        let values: [String: Any] = [
            "sessionLimit": visit.language.duration(seconds: settings.sessionSeconds),
            "termsVersion": settings.termsVersion,
        ]
        return renderer.page("privacy", values, visit: visit)
    }
}
