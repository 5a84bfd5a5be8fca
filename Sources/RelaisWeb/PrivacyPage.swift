import RelaisHTTP

extension PortalPages {
    /// `GET /confidentialite`: the full privacy notice (art. 13), exactly the text whose SHA-256 consents record.
    func privacy(_ visit: PortalVisit) -> HTTPResponse {
        let sections: [[String: Any]] = (notice.notices[visit.language]?.sections ?? []).map { section in
            ["id": section.id, "heading": section.heading, "paragraphs": section.paragraphs.map { ["text": $0] }]
        }
        return renderer.page("privacy", ["sections": sections, "version": notice.version.version], visit: visit)
    }
}
