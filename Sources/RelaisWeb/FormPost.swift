import FoundationEssentials
import RelaisHTTP

/// A form post read and its token spent: what both `/connexion` and `/deconnexion` start with.
enum FormPost {
    /// Not an urlencoded form with a token (400).
    case malformed(PortalVisit)
    /// A well-formed post whose token is expired, forged, malformed or already used (403).
    case refused([String: String], PortalVisit)
    /// The token was good and is now spent.
    case accepted([String: String], PortalVisit)
}

extension PortalResponder {
    /// Reads the urlencoded body (right type, within the size limit, valid escapes) and spends its token.
    func readPost(_ request: HTTPRequest) -> FormPost {
        guard let type = request.header("content-type")?.lowercased(),
              type.split(separator: ";").first?.trimmingOptionalWhitespace() == "application/x-www-form-urlencoded",
              request.body.count <= settings.maxBodyBytes,
              let form = request.formParameters, let token = form["token"]
        else { return .malformed(PortalVisit(request: request, now: clock())) }
        let visit = PortalVisit(request: request, form: form, now: clock())
        guard let refusal = forms.spend(token, from: visit.ipAddress, now: visit.now) else { return .accepted(form, visit) }
        logger.info("portal form refused", metadata: ["portal.token": "\(refusal.rawValue)", "http.path": "\(request.path)"])
        logger.debug("portal form refused", metadata: ["portal.client": "\(visit.ipAddress)"])
        return .refused(form, visit)
    }
}
