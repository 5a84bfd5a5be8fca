import FoundationEssentials
import RelaisHTTP

/// A form post read and its token spent: what both `/connexion` and `/deconnexion` start with.
enum FormPost {
    /// A well-formed post whose token is expired, forged, malformed or already used (403).
    case refused([String: String], PortalVisit)
    /// The token was good and is now spent.
    case accepted([String: String], PortalVisit)
}

extension PortalPages {
    /// Reads the urlencoded body (right type, within the size limit, valid escapes) and spends its
    /// token for `purpose`. Throws 400 for a malformed post, 503/429 when no form can be spent now.
    func readPost(_ request: HTTPRequest, _ context: PortalContext, purpose: FormPurpose) throws(HTTPError) -> FormPost {
        guard let type = request.header("content-type")?.lowercased(),
              type.split(separator: ";").first?.trimmingOptionalWhitespace() == "application/x-www-form-urlencoded"
        else { throw HTTPError(.badRequest) }
        // Too long is answered like malformed (400), as before: the page says the form is damaged.
        guard request.body.count <= settings.maxBodyBytes, let form = request.formParameters, let token = form["token"] else { throw HTTPError(.badRequest) }
        let visit = PortalVisit(request: request, context: context, form: form, now: clock())
        switch forms.spend(token, purpose, from: .visitor(ipAddress: visit.ipAddress), now: visit.now) {
        case .accepted:
            return .accepted(form, visit)
        case .unavailable(let error):
            logger.warning("portal form registry full", metadata: ["portal.status": "\(error.status)"])
            throw error
        case .refused(let refusal):
            logger.info("portal form refused", metadata: ["portal.token": "\(refusal.rawValue)", "portal.form": "\(purpose.name)"])
            logger.debug("portal form refused", metadata: ["portal.client": "\(visit.ipAddress)"])
            return .refused(form, visit)
        }
    }
}
