import CMicroHTTPD
import Glibc
import RelaisCore
import RelaisHTTP

/// Reads the parts of an `HTTPRequest` that MHD holds on the connection.
enum ConnectionRequest {
    /// nil when MHD cannot tell the peer's IP address (not expected on an IP listener).
    static func make(connection: OpaquePointer, method: String, context: RequestContext, isSecure: Bool) -> HTTPRequest? {
        guard let clientAddress = clientAddress(of: connection) else { return nil }
        let (path, query) = context.pathAndQuery
        return HTTPRequest(
            method: method, path: path, query: query, headers: context.headers,
            body: context.body, clientAddress: clientAddress, isSecure: isSecure)
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

    /// True when the head holds a line MHD did not record as a field. MHD 0.9.75 takes a field line with
    /// an empty name (": value") for the end of the head and drops it (connection.c: the line's first
    /// byte, the colon, is zeroed before the empty-line test); the rest of the head then reads as a
    /// second request. MHD parses in place, so the head is still there, from the method's first byte
    /// for `header_size` bytes, separators replaced by NUL: after the end of the last recorded value
    /// only NULs may follow. A value outside the head is a folded line (obs-fold) MHD joined elsewhere.
    static func headHasUnrecordedLine(
        _ connection: OpaquePointer, method: UnsafePointer<CChar>, version: UnsafePointer<CChar>?
    ) -> Bool {
        let size = relais_mhd_request_header_size(connection)
        guard size > 0 else { return false }
        struct Scan {
            let start: UnsafePointer<CChar>
            let end: UnsafePointer<CChar>
            var lastEnd: UnsafePointer<CChar>
            var outside = false
        }
        var scan = Scan(start: method, end: method + size, lastEnd: version.map { $0 + strlen($0) } ?? method)
        withUnsafeMutablePointer(to: &scan) { pointer in
            _ = MHD_get_connection_values(connection, .HEADER_KIND, { cls, _, _, value in
                guard let cls, let value else { return .YES }
                let scan = cls.assumingMemoryBound(to: Scan.self)
                guard value >= scan.pointee.start, value < scan.pointee.end else {
                    scan.pointee.outside = true
                    return .YES
                }
                scan.pointee.lastEnd = max(scan.pointee.lastEnd, value + strlen(value))
                return .YES
            }, pointer)
        }
        if scan.outside { return true }
        var cursor = scan.lastEnd
        while cursor < scan.end {
            if cursor.pointee != 0 { return true }
            cursor += 1
        }
        // At most CRLF after the last value and CRLF for the empty line: more means a ":" line was
        // taken for the end (it reads as three NULs once MHD has parsed it).
        return scan.end - scan.lastEnd > 4
    }

    /// The peer's IP address; nil if MHD cannot tell.
    static func clientAddress(of connection: OpaquePointer) -> IPAddress? {
        relais_mhd_client_address(connection).flatMap(ListenAddress.address(of:))
    }
}
