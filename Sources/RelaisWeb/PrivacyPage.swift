import RelaisHTTP

extension PortalPages {
    /// `GET /confidentialite`: what this portal records, why, and whom to ask.
    func privacy(_ visit: PortalVisit) -> HTTPResponse {
        let messages = renderer.messages[visit.language]
        let values: [String: Any] = [
            "recordedTerms": messages.format("privacy.recorded_terms", ["version": settings.termsVersion]),
            "why": messages.format("privacy.why", ["duration": messages.duration(seconds: settings.sessionSeconds)]),
            "questions": messages.format("privacy.questions", ["venue": settings.venueName]),
        ]
        return renderer.page("privacy", values, visit: visit)
    }
}
