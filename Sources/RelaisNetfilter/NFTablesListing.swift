import RelaisCore

/// The elements of one hardware-address set, read from libnftables' text listing (`list set inet T NAME`).
///
/// Text, not JSON: for 10,000 elements libnftables prints text in about a third of the time it takes to
/// build JSON, and nothing has to be decoded on our side (the JSON path cost ~150 ms and ~30 MB of heap per
/// sweep at 10,000 sessions). The shape read is the one libnftables 1.0.6 prints:
///
///     table inet relais {
///         set active {
///             type ether_addr
///             flags dynamic,timeout
///             elements = { 02:00:00:00:00:01 expires 9m59s,
///                          02:00:00:00:00:02 timeout 1h expires 59m59s988ms }
///         }
///     }
///
/// Every element must start with an address: anything else is an error, never an empty answer, because
/// an empty answer would read as "every device went idle".
struct NFTablesListing: Equatable {
    /// The set's name as printed.
    let setName: String
    /// The elements in the order listed, repeats kept (see ``hasRepeatedElements``).
    let elements: [MACAddress]

    static func parse(_ text: String) throws(FirewallError) -> NFTablesListing {
        var name: String?
        var elements: [MACAddress] = []
        var inElements = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            var line = rawLine.drop { $0 == " " || $0 == "\t" }
            if !inElements {
                if line.hasPrefix("set ") {
                    guard name == nil else { throw unreadable("two sets in one listing") }
                    name = line.dropFirst(4).split(separator: " ").first.map(String.init)
                    continue
                }
                guard name != nil, line.hasPrefix("elements = {") else { continue }
                line = line.dropFirst("elements = {".count)
                inElements = true
            }
            if let close = line.firstIndex(of: "}") {
                line = line[..<close]
                inElements = false
            }
            for item in line.split(separator: ",") {
                guard let first = item.split(separator: " ").first else { continue }
                guard let mac = MACAddress(first) else { throw unreadable("element \(first.prefix(40))") }
                elements.append(mac)
            }
        }
        guard let name, !inElements else { throw unreadable(name == nil ? "no set" : "unterminated elements") }
        return NFTablesListing(setName: name, elements: elements)
    }

    /// The distinct addresses listed.
    var macAddresses: Set<MACAddress> { Set(elements) }

    /// True when an element is listed twice: the dump was taken during a rehash and is not reliable.
    var hasRepeatedElements: Bool { Set(elements).count != elements.count }

    private static func unreadable(_ detail: String) -> FirewallError {
        FirewallError(code: "list", message: "unreadable libnftables listing: \(detail)")
    }
}
