import Glibc
import RelaisCore

/// The addresses the kernel holds on a network interface (`getifaddrs`), in the namespace of the caller.
public enum InterfaceAddresses {
    /// The interface's IPv4 addresses, in the kernel's order; empty when it has none or does not exist.
    public static func ipv4(of interface: String) -> [IPAddress] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(first) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let name = entry.pointee.ifa_name, String(cString: name) == interface,
                  let socketAddress = entry.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            let bytes = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin_addr.s_addr) { Array($0) }
            }
            if let address = IPAddress(bytes: bytes) { addresses.append(address) }
        }
        return addresses
    }
}
