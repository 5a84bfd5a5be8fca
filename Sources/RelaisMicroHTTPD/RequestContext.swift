import Synchronization

/// What MHD keeps in `*con_cls` for one request: created by the URI log callback, released by the
/// completion callback. MHD 0.9.75 marks a request "client aware" as soon as the URI log callback ran, so
/// it reports completion even for a request it then refuses by itself (bad Content-Length, a head too
/// large for the pool): `MicroHTTPDServerFramingTests` holds it to that. Only the thread serving the
/// connection touches it.
final class RequestContext {
    /// Contexts alive in the process: a leak per refused request shows here (tests, diagnostics).
    static let alive = Atomic<Int>(0)

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
        Self.alive.add(1, ordering: .relaxed)
    }

    deinit {
        Self.alive.subtract(1, ordering: .relaxed)
    }

    /// Path and query split at the first `?`, both still percent-encoded.
    var pathAndQuery: (path: String, query: String) {
        // Searched as a byte: a Character search walks grapheme clusters, on every request.
        guard let mark = rawTarget.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (rawTarget, "") }
        return (String(rawTarget[..<mark]), String(rawTarget[rawTarget.utf8.index(after: mark)...]))
    }
}
