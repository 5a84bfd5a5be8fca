import RelaisCore
import RelaisHTTP

extension PortalResponder {
    /// Longest original address carried in `continue`; longer ones are dropped, not cut.
    static let maxContinueLength = 2048

    /// A request for another host reached us because the firewall redirected it: send the device to
    /// the portal (never the probe's "online" answer), remembering what it asked for.
    func redirectToPortal(_ request: HTTPRequest, host: String) -> HTTPResponse {
        // Classifying costs more than the redirect itself: only when someone reads debug logs.
        if logger.logLevel <= .debug {
            let kind = ProbeClassifier.classify(host: host, path: request.path)
            logger.debug("foreign request redirected", metadata: [
                "portal.probe": "\(kind.rawValue)", "portal.client": "\(request.clientAddress)",
            ])
        }
        if gateway.directory.session(forIPAddress: request.clientAddress) != nil {
            return .redirect(to: portalURL + "statut")
        }
        let rawHost = request.header("host") ?? ""
        var original = "http://\(rawHost)\(request.path)"
        if !request.query.isEmpty { original += "?\(request.query)" }
        guard !rawHost.isEmpty, original.utf8.count <= Self.maxContinueLength else {
            return .redirect(to: portalURL)
        }
        return .redirect(to: portalURL + "?continue=" + URLEncodedForm.encode(original))
    }
}
