import CCurl
import Dispatch

/// An HTTP answer: the status and the body (at most `CurlHTTPSClient.maxResponseBytes`).
public struct HTTPSAnswer: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// HTTPS POST through libcurl, trusting only the CA file given (the département's), never the system's
/// store; HTTPS only, no redirects, bounded times. Each exchange runs on a Dispatch thread: libcurl blocks.
public struct CurlHTTPSClient: Sendable {
    public static let maxResponseBytes = 65_536

    public let caFile: String
    public let connectTimeoutSeconds: Int
    public let timeoutSeconds: Int

    public init(caFile: String, connectTimeoutSeconds: Int = 10, timeoutSeconds: Int = 30) {
        self.caFile = caFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
    }

    private static let globalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// POSTs `body` to `url` with `headers`; an answer of any status, or a `PushError` when there was none.
    public func post(url: String, headers: [(name: String, value: String)], body: [UInt8]) async throws -> HTTPSAnswer {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPSAnswer, any Error>) in
            DispatchQueue.global().async {
                continuation.resume(with: Result { () throws(PushError) -> HTTPSAnswer in
                    try self.perform(url: url, headers: headers, body: body)
                })
            }
        }
    }

    /// The blocking exchange.
    public func perform(url: String, headers: [(name: String, value: String)], body: [UInt8]) throws(PushError) -> HTTPSAnswer {
        try PushError.check(Self.globalInit, .setup, "curl_global_init")
        guard let handle = curl_easy_init() else { throw PushError(.setup, "curl_easy_init failed") }
        defer { curl_easy_cleanup(handle) }
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for (name, value) in headers { list = curl_slist_append(list, "\(name): \(value)") }
        defer { curl_slist_free_all(list) }
        let sink = ResponseSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let payload = body.isEmpty ? [0] : body
        let result: CURLcode = payload.withUnsafeBufferPointer { bytes in
            errorBuffer.withUnsafeMutableBufferPointer { errors in
                let options: [CURLcode] = [
                    relais_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errors.baseAddress),
                    relais_curl_set_string(handle, CURLOPT_URL, url),
                    relais_curl_set_string(handle, CURLOPT_PROTOCOLS_STR, "https"),
                    relais_curl_set_long(handle, CURLOPT_FOLLOWLOCATION, 0),
                    // Only the département's CA: CAINFO replaces the bundle, CAPATH null drops the system folder.
                    relais_curl_set_string(handle, CURLOPT_CAINFO, caFile),
                    relais_curl_set_string(handle, CURLOPT_CAPATH, nil),
                    relais_curl_set_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
                    relais_curl_set_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
                    relais_curl_set_long(handle, CURLOPT_NOSIGNAL, 1),
                    relais_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT, connectTimeoutSeconds),
                    relais_curl_set_long(handle, CURLOPT_TIMEOUT, timeoutSeconds),
                    relais_curl_set_long(handle, CURLOPT_POST, 1),
                    relais_curl_set_pointer(handle, CURLOPT_POSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress)),
                    relais_curl_set_size(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
                    relais_curl_set_pointer(handle, CURLOPT_HTTPHEADER, list.map { UnsafeMutableRawPointer($0) }),
                    relais_curl_set_writer(handle, { data, size, count, context in
                        guard let data, let context else { return 0 }
                        let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
                        return sink.append(UnsafeRawBufferPointer(start: data, count: size * count)) ? size * count : 0
                    }, context),
                ]
                if let failed = options.first(where: { $0 != CURLE_OK }) { return failed }
                return curl_easy_perform(handle)
            }
        }
        try withExtendedLifetime(sink) { () throws(PushError) in
            try PushError.check(result, .transport, "HTTPS POST", detail: String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        var status = 0
        try PushError.check(relais_curl_response_code(handle, &status), .transport, "response code")
        return HTTPSAnswer(status: status, body: sink.bytes)
    }
}

/// Collects the answer's body for one exchange (one thread), refusing more than the limit.
private final class ResponseSink {
    var bytes: [UInt8] = []

    func append(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count + chunk.count <= CurlHTTPSClient.maxResponseBytes else { return false }
        bytes.append(contentsOf: chunk)
        return true
    }
}
