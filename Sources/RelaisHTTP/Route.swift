/// How a route answers: at once on the server thread (no disk, no firewall, no waiting), or
/// asynchronously off it.
public enum RouteHandler<Context: RequestContext>: Sendable {
    case immediate(@Sendable (HTTPRequest, Context) throws -> HTTPResponse)
    case async(@Sendable (HTTPRequest, Context) async throws -> HTTPResponse)
}

/// A path pattern: literal segments and `:name` captures, e.g. `/static/:file`.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    enum Segment: Sendable, Hashable {
        case literal(String)
        case capture(String)
    }

    let segments: [Segment]

    /// Parses `/a/:b`; a leading slash is optional, empty segments are ignored.
    public init(_ text: String) {
        segments = text.split(separator: "/").map { part in
            part.first == ":" ? .capture(String(part.dropFirst())) : .literal(String(part))
        }
    }

    /// True when every segment is literal: such routes are found by a dictionary look-up.
    var isLiteral: Bool {
        segments.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// The path this literal pattern matches, normalized (`/` for the root).
    var literalPath: String {
        "/" + segments.map { if case .literal(let text) = $0 { text } else { "" } }.joined(separator: "/")
    }

    /// The captures when `path` (split in segments) matches, else nil.
    func match(_ parts: [Substring]) -> RouteParameters? {
        guard parts.count == segments.count else { return nil }
        var parameters = RouteParameters()
        for (segment, part) in zip(segments, parts) {
            switch segment {
            case .literal(let text): guard part == text else { return nil }
            case .capture(let name): parameters.values.append((name, String(part)))
            }
        }
        return parameters
    }

    public var description: String {
        "/" + segments.map { segment in
            switch segment {
            case .literal(let text): text
            case .capture(let name): ":" + name
            }
        }.joined(separator: "/")
    }
}

/// The values a pattern's `:name` captures took, still percent-encoded.
public struct RouteParameters: Sendable {
    var values: [(name: String, value: String)] = []

    public init() {}

    public subscript(name: String) -> String? {
        values.first { $0.name == name }?.value
    }
}
