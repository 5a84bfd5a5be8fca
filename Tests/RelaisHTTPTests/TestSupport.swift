import RelaisHTTP
import RelaisTesting

/// A context with a language, as an audience module would declare one.
struct TestContext: LanguageContext {
    var core: CoreRequestContext
    var language: TestLanguage = .fallback
    var explicitLanguage = false
    init(core: CoreRequestContext) { self.core = core }
}

enum TestLanguage: String, NegotiableLanguage {
    case fr, en
    static var fallback: TestLanguage { .fr }
}

func request(_ method: String, _ path: String, query: String = "", headers: [(name: String, value: String)] = [],
             secure: Bool = false) -> HTTPRequest {
    HTTPRequest(method: method, path: path, query: query, headers: headers, clientAddress: "192.0.2.7", isSecure: secure)
}

func request(_ path: String, query: String = "", headers: [(name: String, value: String)] = [], secure: Bool = false) -> HTTPRequest {
    request("GET", path, query: query, headers: headers, secure: secure)
}

/// What the server does: the immediate answer, else the slow path.
func serve(_ responder: some HTTPResponder, _ request: HTTPRequest) async -> HTTPResponse {
    if let immediate = responder.immediateResponse(to: request) { return immediate }
    return await responder.respond(to: request)
}

extension HTTPResponse {
    var text: String { String(decoding: body, as: UTF8.self) }
}
