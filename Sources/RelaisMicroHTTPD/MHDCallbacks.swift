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
        return Unmanaged.passRetained(context).toOpaque()
    }

    static let completed: MHD_RequestCompletedCallback = { _, _, conCls, _ in
        guard let conCls, let raw = conCls.pointee else { return }
        let context = Unmanaged<RequestContext>.fromOpaque(raw).takeRetainedValue()
        context.slot?.markFinished()
        conCls.pointee = nil
    }

    static let access: MHD_AccessHandlerCallback = { cls, connection, url, method, _, upload, uploadSize, conCls in
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
            connection: connection, method: method.map { String(cString: $0) } ?? "GET", context: context,
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
