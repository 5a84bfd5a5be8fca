import CMicroHTTPD

/// What one request and its answer take from MHD's per-connection memory pool, estimated so that
/// every answer fits: with 0.9.75, an answer whose head does not fit is dropped and the connection
/// closed without a byte (seen with a few hundred query parameters or small header fields).
///
/// The pool holds, from its start, the request head as received (plus any bytes read after it) and,
/// from its end, one 48-byte record per header field, cookie and query argument, plus a copy of the
/// Cookie field. When the answer is built, the read buffer shrinks and the rest of the pool becomes
/// the write buffer that must hold the response head (the body is sent from its own buffer).
enum ConnectionMemory {
    /// `struct MHD_HTTP_Header` on 64-bit, rounded to the pool's 16-byte alignment.
    static let recordBytes = 48
    /// Room kept for what the estimate cannot see (pipelined bytes, alignment, MHD's own fields).
    static let slackBytes = 512
    /// The smallest room a refusal needs: its head is under 200 bytes.
    static let refusalReserveBytes = 1024

    /// The pool bytes the request holds once its head is parsed.
    static func requestCost(of connection: OpaquePointer, headers: [(name: String, value: String)]) -> Int {
        let records = relais_mhd_count_records(connection)
        let cookieCopy = headers.filter { $0.name == "cookie" }.first.map { roundUp($0.value.utf8.count + 1) } ?? 0
        return relais_mhd_request_header_size(connection) + Int(max(records, 0)) * recordBytes + cookieCopy
    }

    /// The bytes MHD writes for a response head: status line, Date, the fields, Content-Length, Connection.
    static func responseHeadBytes(_ headers: [(name: String, value: String)]) -> Int {
        headers.reduce(160) { $0 + $1.name.utf8.count + $1.value.utf8.count + 4 }
    }

    /// True when a response head of `responseBytes` still fits beside a request of `requestCost`.
    static func fits(requestCost: Int, responseBytes: Int, poolBytes: Int) -> Bool {
        requestCost + responseBytes + slackBytes <= poolBytes
    }

    private static func roundUp(_ count: Int) -> Int { (count + 15) & ~15 }
}
