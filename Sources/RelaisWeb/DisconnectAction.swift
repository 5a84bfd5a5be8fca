import RelaisCore
import RelaisHTTP

extension PortalPages {
    /// `POST /deconnexion`: spend the token, end the device's session, say so.
    func disconnect(_ request: HTTPRequest, _ context: PortalContext) async throws(HTTPError) -> HTTPResponse {
        let visit: PortalVisit
        switch try readPost(request, context, purpose: .disconnect) {
        case .refused(_, let refusedVisit):
            if gateway.directory.session(forIPAddress: refusedVisit.ipAddress) != nil {
                return try status(refusedVisit, problem: true, status: 403)
            }
            return try splash(refusedVisit, problem: true, status: 403)
        case .accepted(_, let acceptedVisit): visit = acceptedVisit
        }
        _ = await gateway.logout(ipAddress: visit.ipAddress)
        return renderer.page("disconnected", [:], visit: visit, switchPath: "/")
    }
}
