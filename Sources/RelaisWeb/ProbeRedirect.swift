import RelaisCore
import RelaisHTTP

extension PortalPages {
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
        // "http://" + host + path + ("?" + query), percent-encoded after "?continue=", in one buffer.
        let originalLength = 7 + rawHost.utf8.count + request.path.utf8.count
            + (request.query.isEmpty ? 0 : 1 + request.query.utf8.count)
        guard !rawHost.isEmpty, originalLength <= Self.maxContinueLength else {
            return .redirect(to: portalURL)
        }
        var location: [UInt8] = []
        location.reserveCapacity(portalURL.utf8.count + 10 + originalLength * 3)
        location.append(contentsOf: portalURL.utf8)
        location.append(contentsOf: "?continue=http%3A%2F%2F".utf8)
        URLEncodedForm.appendEncoded(rawHost, to: &location)
        URLEncodedForm.appendEncoded(request.path, to: &location)
        if !request.query.isEmpty {
            location.append(contentsOf: "%3F".utf8)
            URLEncodedForm.appendEncoded(request.query, to: &location)
        }
        return .redirect(to: String(decoding: location, as: UTF8.self))
    }
}
