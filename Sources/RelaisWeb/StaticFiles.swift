import RelaisHTTP

extension PortalResponder {
    /// `GET /static/<name>`: a file loaded at start-up; links carry `?v=<hash>`, so it may be cached long.
    func staticFile(_ request: HTTPRequest) -> HTTPResponse {
        let name = String(request.path.dropFirst("/static/".count))
        guard StaticAsset.isServableName(name), let asset = templates.assets[name] else {
            return errorPage(.notFound, visit: PortalVisit(request: request, now: clock()))
        }
        return HTTPResponse(status: 200, headers: [
            ("Content-Type", asset.contentType), ("Cache-Control", "public, max-age=31536000, immutable"),
            ("X-Content-Type-Options", "nosniff"),
        ], body: asset.bytes)
    }
}
