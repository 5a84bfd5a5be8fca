#if canImport(Glibc)
import Glibc
#endif
import CConntrack
import RelaisCore
import Synchronization

/// The `ConnectionTracker` over libnetfilter_conntrack: dumps the table, destroys the flows whose original
/// source is one of the given addresses (IPv4 and IPv6).
///
/// The netlink socket is opened in `init`, so it acts in the network namespace the object was created in.
public final class NetfilterConnectionTracker: ConnectionTracker {
    private let handle: Mutex<OpaquePointer>

    public init() throws(FirewallError) {
        guard let handle = nfct_open(UInt8(CONNTRACK), 0) else { throw Self.failure("nfct_open") }
        self.handle = Mutex(handle)
    }

    deinit {
        handle.withLock { _ = nfct_close($0) }
    }

    public func forgetFlows(from addresses: [IPAddress]) throws(FirewallError) {
        let collector = FlowCollector(addresses: addresses)
        guard !collector.isEmpty else { return }
        try handle.withLock { (handle: inout OpaquePointer) throws(FirewallError) in
            // Destroying from inside the dump callback would reuse the socket mid-dump: collect, then destroy.
            let matches = try Self.dump(handle, into: collector)
            defer { matches.forEach { nfct_destroy($0) } }
            for flow in matches where nfct_query(handle, NFCT_Q_DESTROY, UnsafeRawPointer(flow)) != 0 {
                // The flow may have ended on its own since the dump.
                guard errno == ENOENT else { throw Self.failure("destroy") }
            }
        }
    }

    private static func dump(_ handle: OpaquePointer, into collector: FlowCollector) throws(FirewallError) -> [OpaquePointer] {
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard nfct_callback_register(handle, NFCT_T_ALL, collectFlow, context) == 0 else { throw failure("callback") }
        defer { nfct_callback_unregister(handle) }
        var family = UInt32(AF_UNSPEC)  // both address families in one dump
        guard nfct_query(handle, NFCT_Q_DUMP, &family) == 0 else {
            collector.matches.forEach { nfct_destroy($0) }
            throw failure("dump")
        }
        return collector.matches
    }

    static func failure(_ step: String) -> FirewallError {
        FirewallError(code: "conntrack", message: "\(step): \(String(cString: strerror(errno)))")
    }
}

/// Called by the library for each dumped flow; `data` is the `FlowCollector` of the running dump.
private let collectFlow: @convention(c) (nf_conntrack_msg_type, OpaquePointer?, UnsafeMutableRawPointer?) -> Int32 = { _, flow, data in
    if let flow, let data {
        Unmanaged<FlowCollector>.fromOpaque(data).takeUnretainedValue().consider(flow)
    }
    return Int32(NFCT_CB_CONTINUE)
}

/// The addresses looked for during one dump, and copies of the flows that matched.
private final class FlowCollector {
    private var ipv4: Set<UInt32> = []  // network byte order, as the library returns it
    private var ipv6: Set<[UInt8]> = []
    var matches: [OpaquePointer] = []

    var isEmpty: Bool { ipv4.isEmpty && ipv6.isEmpty }

    init(addresses: [IPAddress]) {
        for address in addresses.map(\.normalized) {
            if address.isIPv4 {
                // The bytes are in network order already, as the library returns the source.
                ipv4.insert(address.bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
            } else {
                ipv6.insert(address.bytes)
            }
        }
    }

    func consider(_ flow: OpaquePointer) {
        switch Int32(nfct_get_attr_u8(flow, ATTR_ORIG_L3PROTO)) {
        case AF_INET:
            guard ipv4.contains(nfct_get_attr_u32(flow, ATTR_ORIG_IPV4_SRC)) else { return }
        case AF_INET6:
            guard let raw = nfct_get_attr(flow, ATTR_ORIG_IPV6_SRC),
                  ipv6.contains(Array(UnsafeRawBufferPointer(start: raw, count: 16)))
            else { return }
        default:
            return
        }
        if let copy = nfct_clone(flow) { matches.append(copy) }
    }
}
