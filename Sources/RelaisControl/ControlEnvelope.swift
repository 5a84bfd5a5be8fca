import FoundationEssentials

/// The wire form of every command, derived from its `Request` and `Response` types.
///
/// Request: `{"command":NAME, …request fields}`; answer: `{"ok":true, …response fields}` or
/// `{"ok":false,"error":…,"errorCode":…}`. One line of JSON each, newline-terminated.
public enum ControlEnvelope {
    public static func request<C: ControlCommand>(_ command: C.Type, _ request: C.Request) throws -> [UInt8] {
        try merged(first: #""command":"# + quoted(C.name), with: request)
    }

    public static func success<Response: Encodable>(_ response: Response) throws -> [UInt8] {
        try merged(first: #""ok":true"#, with: response)
    }

    public static func failure(_ failure: ControlFailure) -> [UInt8] {
        (try? merged(first: #""ok":false"#, with: failure))
            ?? Array(#"{"ok":false,"error":"réponse impossible à encoder","errorCode":"failed"}"#.utf8) + [10]
    }

    /// The command name of a request line.
    static func commandName(in bytes: [UInt8]) throws -> String {
        try ControlWire.decoder().decode(CommandHead.self, from: Data(bytes)).command
    }

    /// The typed answer, or the daemon's refusal.
    public static func answer<C: ControlCommand>(_ command: C.Type, from bytes: [UInt8]) throws -> Result<C.Response, ControlFailure> {
        let head = try ControlWire.decoder().decode(AnswerHead.self, from: Data(bytes))
        guard head.ok else {
            return .failure(ControlFailure(head.error ?? "échec", code: head.errorCode ?? ControlFailure.Code.failed))
        }
        return .success(try ControlWire.decoder().decode(C.Response.self, from: Data(bytes)))
    }

    /// `{first, …fields of value}`: the value's own JSON object with one member put in front.
    private static func merged(first member: String, with value: some Encodable) throws -> [UInt8] {
        let body = try ControlWire.encoder().encode(value)
        guard body.first == UInt8(ascii: "{"), body.last == UInt8(ascii: "}") else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "not a JSON object"))
        }
        var out = Array("{\(member)".utf8)
        if body.count > 2 { out.append(UInt8(ascii: ",")) }
        out += body.dropFirst()
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private static func quoted(_ text: String) -> String {
        (try? String(decoding: ControlWire.encoder().encode(text), as: UTF8.self)) ?? "\"\""
    }

    private struct CommandHead: Decodable {
        var command: String
    }

    private struct AnswerHead: Decodable {
        var ok: Bool
        var error: String?
        var errorCode: String?
    }
}
