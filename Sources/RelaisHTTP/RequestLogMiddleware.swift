import Logging

/// Logs each request at debug level (method, status; the client only there, being personal data).
/// Never the path nor the host: a captive portal receives the requests visitors meant for other sites,
/// and what they were going to read is neither logged nor kept. Costs one level check when debug is off.
public struct RequestLogMiddleware<Context: RequestContext>: TransformingMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse) {
        guard logger.logLevel <= .debug else { return }
        logger.debug("http request", metadata: [
            "http.method": "\(request.method)",
            "http.status": "\(response.status)", "http.client": "\(context.clientAddress)",
        ])
    }
}
