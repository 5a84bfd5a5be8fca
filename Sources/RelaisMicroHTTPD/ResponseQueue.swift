import CMicroHTTPD
import RelaisHTTP

/// Turns an `HTTPResponse` into an MHD response and queues it on a connection.
enum ResponseQueue {
    /// Queues `response`; with `closing`, asks MHD to close the connection after it.
    static func queue(_ response: HTTPResponse, on connection: OpaquePointer, closing: Bool = false) throws(MicroHTTPDError) {
        guard (100...999).contains(response.status) else {
            throw MicroHTTPDError(code: .queueFailed, message: "status \(response.status) is not an HTTP status")
        }
        let handle = try make(response, closing: closing)
        defer { MHD_destroy_response(handle) }
        try MicroHTTPDError.check(
            MHD_queue_response(connection, UInt32(response.status), handle), .queueFailed, "MHD_queue_response")
    }

    private static func make(_ response: HTTPResponse, closing: Bool) throws(MicroHTTPDError) -> OpaquePointer {
        // MUST_COPY: MHD keeps its own copy, so the Swift array need not outlive this call.
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
        }
        let handle = try MicroHTTPDError.check(created, .responseFailed, "MHD_create_response_from_buffer")
        do throws(MicroHTTPDError) {
            for (name, value) in response.headers where !(name.utf8.count == 14 && name.lowercased() == "content-length") {
                // MHD computes Content-Length from the body and refuses a second one.
                // withCString: the implicit String-to-pointer conversion copies small (inline) strings
                // such as "Location" into a heap array, for every header of every response.
                let added = name.withCString { name in value.withCString { MHD_add_response_header(handle, name, $0) } }
                try MicroHTTPDError.check(added, .responseFailed, "MHD_add_response_header \(name)")
            }
            if closing {
                try MicroHTTPDError.check(
                    MHD_add_response_header(handle, "Connection", "close"), .responseFailed, "MHD_add_response_header Connection")
            }
        } catch {
            MHD_destroy_response(handle)
            throw error
        }
        return handle
    }
}
