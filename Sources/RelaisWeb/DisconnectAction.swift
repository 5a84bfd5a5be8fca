import RelaisCore
import RelaisHTTP

extension PortalResponder {
    /// `POST /deconnexion`: spend the token, end the device's session, say so.
    func disconnect(_ request: HTTPRequest) async -> HTTPResponse {
        let visit: PortalVisit
        switch readPost(request) {
        case .malformed(let arrival): return errorPage(.badRequest, visit: arrival)
        case .refused(_, let refusedVisit):
            if gateway.directory.session(forIPAddress: refusedVisit.ipAddress) != nil {
                return status(refusedVisit, problem: true, status: 403)
            }
            return splash(refusedVisit, problem: true, status: 403)
        case .accepted(_, let acceptedVisit): visit = acceptedVisit
        }
        if let address = IPAddress(visit.ipAddress) { _ = await gateway.logout(ipAddress: address) }
        return renderer.page("disconnected", [:], visit: visit, switchPath: "/")
    }
}
