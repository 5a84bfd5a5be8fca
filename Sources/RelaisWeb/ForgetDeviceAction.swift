import RelaisCore
import RelaisHTTP

extension FormPurpose {
    /// « Ne plus se souvenir de cet appareil » on the status page.
    static let forgetDevice = FormPurpose("forget-device")
}

extension PortalPages {
    /// `POST /oublier`: spend the token, withdraw the device's consent and forget it at once; the
    /// connection goes on (a consent never conditions access).
    func forgetDevice(_ request: HTTPRequest, _ context: PortalContext) async throws(HTTPError) -> HTTPResponse {
        let visit: PortalVisit
        switch try readPost(request, context, purpose: .forgetDevice) {
        case .refused(_, let refusedVisit):
            return try status(refusedVisit, problem: true, status: 403)
        case .accepted(_, let acceptedVisit): visit = acceptedVisit
        }
        _ = await gateway.forgetDevice(ipAddress: visit.ipAddress)
        if gateway.directory.session(forIPAddress: visit.ipAddress) != nil {
            return try status(visit, forgotten: true)
        }
        return renderer.page("forgotten", [:], visit: visit, switchPath: "/")
    }
}
