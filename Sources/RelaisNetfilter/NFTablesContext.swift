import CNFTables
import RelaisCore
import Synchronization

/// One libnftables context: the only door to the library, and the funnel that turns a failed command into
/// a `FirewallError` carrying the library's message.
///
/// libnftables 1.0.6 opens its netlink socket in `nft_ctx_new`, so the context acts in the network namespace
/// of the thread that created it, whatever thread runs the commands later. The context is not thread-safe:
/// every use holds the lock.
final class NFTablesContext: Sendable {
    private let handle: Mutex<OpaquePointer>

    init() throws(FirewallError) {
        guard let context = nft_ctx_new(UInt32(NFT_CTX_DEFAULT)) else {
            throw FirewallError(code: "context", message: "nft_ctx_new failed")
        }
        guard nft_ctx_buffer_output(context) == 0, nft_ctx_buffer_error(context) == 0 else {
            nft_ctx_free(context)
            throw FirewallError(code: "context", message: "cannot buffer libnftables output")
        }
        handle = Mutex(context)
    }

    deinit {
        handle.withLock { nft_ctx_free($0) }
    }

    /// Runs `command` as one transaction and returns what the library printed (text, or JSON when asked).
    func run(_ command: String, code: String, json: Bool = false) throws(FirewallError) -> String {
        try handle.withLock { (context: inout OpaquePointer) throws(FirewallError) -> String in
            // JSON output for this command only: the others print text.
            let flags = nft_ctx_output_get_flags(context)
            if json { nft_ctx_output_set_flags(context, flags | UInt32(NFT_CTX_OUTPUT_JSON)) }
            defer { if json { nft_ctx_output_set_flags(context, flags) } }
            let status = nft_run_cmd_from_buffer(context, command)
            // Reading both buffers also empties them for the next command.
            let output = nft_ctx_get_output_buffer(context).map { String(cString: $0) } ?? ""
            let error = nft_ctx_get_error_buffer(context).map { String(cString: $0) } ?? ""
            guard status == 0 else {
                throw FirewallError(code: code, message: Self.summary(of: error, status: status))
            }
            return output
        }
    }

    /// The library's `Error:` lines only: the rest echoes the command, which may hold thousands of addresses.
    static func summary(of error: String, status: Int32) -> String {
        let lines = error.split(separator: "\n").filter { $0.hasPrefix("Error:") }.map { String($0.prefix(300)) }
        let unique = lines.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return unique.isEmpty ? "libnftables failed with status \(status)" : unique.prefix(5).joined(separator: "; ")
    }
}
