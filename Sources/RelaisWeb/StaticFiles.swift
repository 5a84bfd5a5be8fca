import RelaisHTTP

extension PortalPages {
    /// `GET /static/:file`: a file loaded at start-up; links carry `?v=<hash>`, so the cache policy
    /// middleware lets it be cached long.
    func staticFile(_ name: String) throws(HTTPError) -> HTTPResponse {
        guard StaticAsset.isServableName(name), let asset = templates.assets[name] else { throw HTTPError(.notFound) }
        return HTTPResponse(status: 200, headers: [("Content-Type", asset.contentType)], body: asset.bytes)
    }
}
