import CMicroHTTPD
import Glibc
import RelaisHTTP

/// Reads the parts of an `HTTPRequest` that MHD holds on the connection.
enum ConnectionRequest {
    static func make(connection: OpaquePointer, method: String, context: RequestContext) -> HTTPRequest {
        let (path, query) = context.pathAndQuery
        return HTTPRequest(
            method: method, path: path, query: query, headers: headers(of: connection),
            body: context.body, clientAddress: clientAddress(of: connection))
    }

    /// Header fields in arrival order, names lower-cased.
    static func headers(of connection: OpaquePointer) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        withUnsafeMutablePointer(to: &fields) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, { cls, _, key, value in
                guard let cls, let key else { return .YES }
                let fields = cls.assumingMemoryBound(to: [(name: String, value: String)].self)
                fields.pointee.append((ConnectionRequest.lowercasedASCII(key), value.map { String(cString: $0) } ?? ""))
                return .YES
            }, pointer)
        }
        return fields
    }

    /// A header name lower-cased byte by byte, in one allocation: `String.lowercased()` goes through
    /// Unicode case mapping and a second copy, on every header of every request.
    static func lowercasedASCII(_ name: UnsafePointer<CChar>) -> String {
        let count = strlen(name)
        return String(unsafeUninitializedCapacity: count) { buffer in
            for index in 0..<count {
                let byte = UInt8(bitPattern: name[index])
                buffer[index] = byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
            }
            return count
        }
    }

    /// The declared body length, nil when absent or unreadable (MHD rejects those itself).
    static func contentLength(of connection: OpaquePointer) -> UInt64? {
        guard let text = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length") else { return nil }
        return UInt64(String(cString: text))
    }

    /// The peer's IP address as text; empty if MHD cannot tell.
    static func clientAddress(of connection: OpaquePointer) -> String {
        guard let address = relais_mhd_client_address(connection) else { return "" }
        return ListenAddress.text(of: address) ?? ""
    }
}
