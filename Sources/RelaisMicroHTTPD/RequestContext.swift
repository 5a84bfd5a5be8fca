/// What MHD keeps in `*con_cls` for one request: created by the URI log callback,
/// released by the completion callback. Only the thread serving the connection touches it.
final class RequestContext {
    /// The request target exactly as received, query included.
    let rawTarget: String
    /// False until the first access-handler call, which only sees the headers.
    var sawHeaders = false
    /// The header fields, read once at the first call.
    var headers: [(name: String, value: String)] = []
    /// Pool bytes the request holds (see `ConnectionMemory`).
    var memoryCost = 0
    var body: [UInt8] = []
    var bodyTooLarge = false
    /// Set once the request went off to `respond(to:)`; filled before the connection resumes.
    var slot: ResponseSlot?

    init(rawTarget: String) {
        self.rawTarget = rawTarget
    }

    /// Path and query split at the first `?`, both still percent-encoded.
    var pathAndQuery: (path: String, query: String) {
        // Searched as a byte: a Character search walks grapheme clusters, on every request.
        guard let mark = rawTarget.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (rawTarget, "") }
        return (String(rawTarget[..<mark]), String(rawTarget[rawTarget.utf8.index(after: mark)...]))
    }
}
