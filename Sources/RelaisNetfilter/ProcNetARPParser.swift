import RelaisCore

/// Reads the text of `/proc/net/arp` into IPv4 address → hardware address, keeping only complete entries.
///
/// ```
/// IP address       HW type     Flags       HW address            Mask     Device
/// 192.0.2.10       0x1         0x2         02:00:00:00:00:0a     *        wlan0
/// ```
/// Malformed lines are skipped; so are incomplete entries (flags 0x0, or an all-zero address) and, when
/// `interface` is given, entries of other devices.
enum ProcNetARPParser {
    static func parse(_ text: String, interface: String?) -> [String: MACAddress] {
        var table: [String: MACAddress] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard fields.count == 6,
                  fields[2].hasPrefix("0x"), let flags = UInt32(fields[2].dropFirst(2), radix: 16), flags != 0,
                  let mac = MACAddress(fields[3]), mac.rawValue != 0,
                  isIPv4(fields[0])
            else { continue }
            if let interface, fields[5] != interface { continue }
            table[String(fields[0])] = mac
        }
        return table
    }

    private static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { $0.count <= 3 && UInt8($0) != nil }
    }
}
