import RelaisHTTP

/// Why a request head is refused before the responder sees it, with the status RFC 9110/9112 gives.
struct FramingRefusal: Equatable, Sendable {
    /// Stable kinds, counted in the refusal log.
    enum Kind: String, Sendable, CaseIterable {
        case emptyFieldName = "empty-field-name"
        /// A line MHD did not record: ":" alone, or a folded continuation line (obs-fold, RFC 9112 §5.2).
        case unrecordedFieldLine = "unrecorded-field-line"
        case missingHost = "missing-host"
        case invalidHost = "invalid-host"
        case badTransferEncoding = "bad-transfer-encoding"
        case unsupportedTransferEncoding = "unsupported-transfer-encoding"
        case badContentLength = "bad-content-length"
        case lengthRequired = "length-required"
        case bodyTooLarge = "body-too-large"
        case targetTooLong = "target-too-long"
        case headTooLarge = "head-too-large"
    }

    let kind: Kind
    let status: Int
}

/// The checks MHD 0.9.75 does not make (or makes only in its buggy strict mode) on a request head,
/// run at the first access-handler call, before any body byte is read. Pure: no MHD here.
enum RequestFraming {
    /// The head as MHD parsed it: method, version ("HTTP/1.1"), raw target, fields with lower-cased names.
    static func check(
        method: String, version: String, target: String, headers: [(name: String, value: String)],
        limits: Limits
    ) -> FramingRefusal? {
        func refuse(_ kind: FramingRefusal.Kind, _ status: Int) -> FramingRefusal { FramingRefusal(kind: kind, status: status) }
        if target.utf8.count > limits.maxTargetBytes { return refuse(.targetTooLong, 414) }
        if headers.count > limits.maxHeaderFields { return refuse(.headTooLarge, 431) }
        // One pass over the fields: this runs for every request.
        var hostCount = 0, hostValue = "", codings: [String] = [], lengths: [String] = []
        for field in headers {
            switch field.name {
            // RFC 9112 §5.1: a field line needs a name (MHD 0.9.75 stores an empty one).
            case "": return refuse(.emptyFieldName, 400)
            case "host": hostCount += 1; hostValue = field.value
            case "transfer-encoding": codings.append(field.value)
            case "content-length": lengths.append(field.value)
            default: break
            }
        }
        // RFC 9112 §3.2: HTTP/1.1 without Host, several Host lines, or an invalid Host value → 400.
        if hostCount > 1 { return refuse(.invalidHost, 400) }
        if hostCount == 0, version != "HTTP/1.0" { return refuse(.missingHost, 400) }
        if hostCount == 1, !isValidHost(hostValue) { return refuse(.invalidHost, 400) }

        if !codings.isEmpty {
            // RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 is faulty framing; §6.3: with Content-Length
            // it may be a smuggling attempt (we refuse); chunked must be last, else the length is unknown.
            if version == "HTTP/1.0" || !lengths.isEmpty { return refuse(.badTransferEncoding, 400) }
            let list = codings.flatMap { $0.split(separator: ",") }.map { $0.trimmingOptionalWhitespace().lowercased() }
            guard list.last == "chunked" else { return refuse(.badTransferEncoding, 400) }
            // MHD decodes exactly one coding, chunked; anything else is not understood (RFC 9112 §6.1).
            if list.count != 1 || codings.count != 1 { return refuse(.unsupportedTransferEncoding, 501) }
            return nil
        }
        if !lengths.isEmpty {
            // RFC 9112 §6.3: an invalid length is unrecoverable framing. Several lines (even equal) are refused.
            guard lengths.count == 1, let declared = decimal(lengths[0]) else { return refuse(.badContentLength, 400) }
            if declared > UInt64(limits.maxBodyBytes) { return refuse(.bodyTooLarge, 413) }
            return nil
        }
        // RFC 9110 §15.5.12: a body-carrying method with no declared length.
        if method == "POST" || method == "PUT" || method == "PATCH" { return refuse(.lengthRequired, 411) }
        return nil
    }

    /// The limits the checks apply.
    struct Limits: Sendable {
        var maxTargetBytes: Int
        var maxHeaderFields: Int
        var maxBodyBytes: Int
    }

    /// 1*DIGIT, no sign, no spaces inside, no overflow.
    static func decimal(_ text: String) -> UInt64? {
        let trimmed = text[...].trimmingOptionalWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return UInt64(trimmed)
    }

    /// uri-host [":" port]: no whitespace, controls, userinfo or path characters.
    static func isValidHost(_ value: String) -> Bool {
        value.utf8.allSatisfy { byte in
            byte > 0x20 && byte < 0x7F && !"/\\@?#\"<>{}|^`".utf8.contains(byte)
        }
    }
}
