import CMicroHTTPD
import Logging

#if canImport(Glibc)
import Glibc
#endif

/// The C callbacks given to MHD. Each is a capture-less closure (so `@convention(c)`) that finds
/// the `ServerCore` through its `cls` pointer, which the server keeps retained while MHD runs.
enum MHDCallbacks {
    static func core(_ cls: UnsafeMutableRawPointer) -> ServerCore {
        Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
    }

    /// Creates the request context with the raw target, before MHD strips and decodes it;
    /// MHD stores the result in `*con_cls` and always reports completion for it.
    static let uriLog: relais_mhd_uri_log_callback = { _, uri, _ in
        let context = RequestContext(rawTarget: uri.map { String(cString: $0) } ?? "/")
        if let uri, let mark = strchr(uri, Int32(UInt8(ascii: "?"))) {
            // MHD 0.9.75 parses the query into one 48-byte pool record per argument right after this
            // callback (connection.c, parse_initial_message_line): a few hundred arguments exhaust the
            // pool and the request goes unanswered. The query is kept above and parsed by the web
            // layer, so MHD is handed an empty one: the byte after the first "?" (which MHD itself
            // overwrites next) becomes the end of the string. The buffer is MHD's writable read buffer.
            UnsafeMutablePointer(mutating: mark)[1] = 0
        }
        return Unmanaged.passRetained(context).toOpaque()
    }

    static let completed: MHD_RequestCompletedCallback = { cls, connection, conCls, _ in
        if let cls, let connection { core(cls).deadlines.awaitingRequest(connection) }
        guard let conCls, let raw = conCls.pointee else { return }
        let context = Unmanaged<RequestContext>.fromOpaque(raw).takeRetainedValue()
        context.slot?.markFinished()
        conCls.pointee = nil
    }

    /// Connections opened and closed, for the request deadlines.
    static let notifyConnection: MHD_NotifyConnectionCallback = { cls, connection, _, event in
        guard let cls, let connection else { return }
        let deadlines = core(cls).deadlines
        if event == .CONNECTION_NOTIFY_STARTED {
            deadlines.started(connection, socket: relais_mhd_connection_fd(connection))
        } else {
            deadlines.closed(connection)
        }
    }

    static let access: MHD_AccessHandlerCallback = { cls, connection, url, method, version, upload, uploadSize, conCls in
        guard let cls, let connection, let uploadSize, let conCls else { return .NO }
        let context: RequestContext
        if let raw = conCls.pointee {
            context = Unmanaged<RequestContext>.fromOpaque(raw).takeUnretainedValue()
        } else {
            // Not expected (the URI log callback always runs first), but harmless.
            context = RequestContext(rawTarget: url.map { String(cString: $0) } ?? "/")
            conCls.pointee = Unmanaged.passRetained(context).toOpaque()
        }
        return core(cls).handle(
            connection: connection, method: method.map { String(cString: $0) } ?? "GET", methodPointer: method,
            version: version, context: context,
            upload: upload, uploadSize: uploadSize)
    }

    /// MHD's own error messages. They carry no client address (checked on 0.9.75's strings).
    static let log: MHD_LogCallback = { cls, format, arguments in
        guard let cls, let format, let arguments else { return }
        var buffer = [CChar](repeating: 0, count: 512)
        _ = vsnprintf(&buffer, buffer.count, format, arguments)
        var message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        while message.last?.isNewline == true { message.removeLast() }
        core(cls).record(mhdMessage: message)
    }
}
