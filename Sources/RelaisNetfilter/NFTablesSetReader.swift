import CNFTables
import Glibc
import RelaisCore
import Synchronization

/// Reads the elements of the owned table's hardware-address sets straight from the kernel, over a
/// netlink socket of its own: the sweep's listing, every few seconds, of up to 10,000 devices.
///
/// Writes stay with libnftables (one text buffer, one transaction); only this read goes around it,
/// because libnftables formats every element as text and keeps its whole cache afterwards. The socket
/// is opened in `init`, so it reads the network namespace the object was created in.
final class NFTablesSetReader: Sendable {
    private struct Socket {
        let descriptor: Int32
        var sequence: UInt32 = 0
    }

    private let socket: Mutex<Socket>
    private let table: String

    init(table: String) throws(FirewallError) {
        let descriptor = Glibc.socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), NETLINK_NETFILTER)
        guard descriptor >= 0 else { throw Self.failure("socket", errno) }
        // A dump never waits long; a kernel that stops answering must not hang the sweep.
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_nl()
        address.nl_family = sa_family_t(AF_NETLINK)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_nl>.size)) }
        }
        guard bound == 0 else {
            let failure = errno
            close(descriptor)
            throw Self.failure("bind", failure)
        }
        self.socket = Mutex(Socket(descriptor: descriptor))
        self.table = table
    }

    deinit {
        socket.withLock { _ = close($0.descriptor) }
    }

    /// One dump of a set: its elements in the kernel's order, repeats kept (a dump taken during a rehash
    /// repeats some), and whether the kernel flagged the dump as interrupted by a change of the set.
    struct Dump {
        var elements: [MACAddress]
        var interrupted: Bool
    }

    /// Dumps `set`. Throws when the set does not exist or the answer is unreadable.
    func dump(_ set: String) throws(FirewallError) -> Dump {
        try socket.withLock { (socket: inout Socket) throws(FirewallError) -> Dump in
            socket.sequence &+= 1
            let request = NFTablesSetDumpMessages.request(table: table, set: set, sequence: socket.sequence)
            let sent = request.withUnsafeBytes { send(socket.descriptor, $0.baseAddress, $0.count, 0) }
            guard sent == request.count else { throw Self.failure("send", errno) }
            var elements: [MACAddress] = []
            var interrupted = false
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { recv(socket.descriptor, $0.baseAddress, $0.count, 0) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { throw Self.failure("recv", count < 0 ? errno : EPIPE) }
                let batch = try NFTablesSetDumpMessages.read(buffer[..<count], sequence: socket.sequence)
                elements += batch.elements
                interrupted = interrupted || batch.interrupted
                if let error = batch.error { throw Self.failure("dump of set \(set)", -error) }
                if batch.done { break }
            }
            return Dump(elements: elements, interrupted: interrupted)
        }
    }

    private static func failure(_ step: String, _ errorNumber: Int32) -> FirewallError {
        FirewallError(code: "list", message: "netlink \(step): \(String(cString: strerror(errorNumber)))")
    }
}
