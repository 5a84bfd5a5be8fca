import Logging

/// Logs each request at debug level (method, path, status; the client only there, being personal
/// data). Costs one level check when debug is off.
public struct RequestLogMiddleware<Context: RequestContext>: TransformingMiddleware {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func finish(_ request: HTTPRequest, context: Context, response: inout HTTPResponse) {
        guard logger.logLevel <= .debug else { return }
        logger.debug("http request", metadata: [
            "http.method": "\(request.method)", "http.path": "\(request.path)",
            "http.status": "\(response.status)", "http.client": "\(context.clientAddress)",
        ])
    }
}
