import RelaisCore
import RelaisHTTP

extension PortalPages {
    /// Whether a foreign request may come from a remembered device with no session: asked from memory
    /// on the fast path, so that other devices keep their immediate redirect.
    func mayBeRemembered(_ request: HTTPRequest) -> Bool {
        gateway.directory.session(forIPAddress: request.clientAddress) == nil && gateway.remembersDevice(at: request.clientAddress)
    }

    /// A remembered device reached the portal through the firewall's redirect: let it through without
    /// the portal and answer its probe as the internet would, so that no sign-in popup opens. A page the
    /// visitor asked for is asked again (it now passes). Not (or no longer) remembered: the usual redirect.
    func reconnectRemembered(_ request: HTTPRequest, host: String) async -> HTTPResponse {
        guard await gateway.reconnectRemembered(ipAddress: request.clientAddress) != nil else {
            return redirectToPortal(request, host: host)
        }
        return Self.onlineAnswer(to: request, host: host)
    }

    /// What each system's connectivity check expects when the network is open.
    static func onlineAnswer(to request: HTTPRequest, host: String) -> HTTPResponse {
        let noStore = ("Cache-Control", "no-store")
        switch ProbeClassifier.classify(host: host, path: request.path) {
        case .android:
            return HTTPResponse(status: 204, headers: [noStore])
        case .apple:
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/html"), noStore],
                                body: Array("<HTML><HEAD><TITLE>Success</TITLE></HEAD><BODY>Success</BODY></HTML>".utf8))
        case .windows:
            let text = request.path.hasSuffix("ncsi.txt") ? "Microsoft NCSI" : "Microsoft Connect Test"
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain"), noStore], body: Array(text.utf8))
        case .firefox:
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain"), noStore], body: Array("success\n".utf8))
        case .networkManager:
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/plain"), ("X-NetworkManager-Status", "online"), noStore],
                                body: Array("NetworkManager is online\n".utf8))
        case .unknown:
            // The same address again: the device's next connection is no longer redirected.
            let rawHost = request.header("host") ?? host
            let target = "http://\(rawHost)\(request.path)" + (request.query.isEmpty ? "" : "?\(request.query)")
            return .redirect(to: target, status: 307)
        }
    }
}
