/// Turns a request into a response. The server calls `immediateResponse` on its own thread first:
/// it must return at once (no disk, no firewall), or nil to have `respond` run off the server thread.
public protocol HTTPResponder: Sendable {
    /// The answer when it needs no slow work, else nil.
    func immediateResponse(to request: HTTPRequest) -> HTTPResponse?
    /// The answer, computed away from the server's threads.
    func respond(to request: HTTPRequest) async -> HTTPResponse
}

extension HTTPResponder {
    public func immediateResponse(to request: HTTPRequest) -> HTTPResponse? { nil }
}
