import RelaisCore

extension ConfigValueRules {
    static func ipLiteral(_ value: ConfigValue) throws(ValueRejection) -> String {
        let allowed = "an IPv4 or IPv6 address such as 0.0.0.0, 192.168.50.1 or ::"
        let text = try text(value, expected: allowed)
        guard IPAddress(text) != nil else { throw ValueRejection(problem: "\(value.rendered) is not an IP address", allowed: allowed) }
        return text
    }

    /// A host name or an IP address as visitors' devices reach the portal: no scheme, port, path or spaces.
    static func host(_ value: ConfigValue) throws(ValueRejection) -> String {
        let allowed = "a host name such as portail.example.fr, or an IP address such as 192.168.50.1"
        let host = try text(value, expected: allowed)
        if let address = IPAddress(host) {
            guard !address.isUnspecified else {
                throw ValueRejection(problem: "\(value.rendered) means \"every interface\" to a server; devices cannot reach it", allowed: allowed)
            }
            return host
        }
        let problem: String
        if host.contains("://") {
            problem = "\(value.rendered) must not include a scheme such as http://"
        } else if host.contains("/") {
            problem = "\(value.rendered) must not include a path"
        } else if host.contains(where: \.isWhitespace) {
            problem = "\(value.rendered) must not contain spaces"
        } else if host.hasPrefix("[") {
            problem = "\(value.rendered): write IPv6 addresses without brackets"
        } else if host.contains(":") {
            problem = "\(value.rendered) must not include a port; set portal.port instead"
        } else if !isHostName(host) {
            problem = "\(value.rendered) is not a valid host name"
        } else {
            return host
        }
        throw ValueRejection(problem: problem, allowed: allowed)
    }

    /// RFC 1123 labels; the last label is not all digits, so a mistyped address such as 192.168.50.300 is refused.
    static func isHostName(_ text: String) -> Bool {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        guard text.utf8.count <= 253, let last = labels.last, !last.allSatisfy(\.isASCIIDigit) else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "-" }
        }
    }

    /// An interface name as the firewall accepts it (`FirewallNames`, the rule `serve` applies too).
    static func interfaceName(_ value: ConfigValue) throws(ValueRejection) -> String {
        let allowed = "an interface name of 1 to 15 letters, digits, \"_\", \"-\" or \".\", such as wlan0 or br-lan"
        let name = try text(value, expected: allowed)
        guard FirewallNames.isInterfaceName(name) else {
            throw ValueRejection(problem: "\(value.rendered) is not a valid interface name", allowed: allowed)
        }
        return name
    }

    /// An nftables table name as the firewall accepts it (`FirewallNames`, the rule `serve` applies too).
    static func tableName(_ value: ConfigValue) throws(ValueRejection) -> String {
        let allowed = "1 to 64 letters, digits, \"_\", \"-\" or \".\", starting with a letter"
        let name = try text(value, expected: allowed)
        guard FirewallNames.isTableName(name) else {
            throw ValueRejection(problem: "\(value.rendered) is not a valid name", allowed: allowed)
        }
        return name
    }

    /// A system group name, or empty for root only.
    /// A system group name, or empty for root only; groups that most accounts belong to are refused.
    static func groupName(_ value: ConfigValue) throws(ValueRejection) -> String {
        if value == .string("") { return "" }
        let allowed = "a group name such as relais, or \"\" for root only"
        let name = try identifier(value, allowedPunctuation: ["_", "-", "."], maxLength: 32, allowed: allowed)
        guard !broadGroups.contains(name) else {
            throw ValueRejection(problem: "\(value.rendered) is a broad system group: every account in it could authorize or disconnect any device",
                                 allowed: "a group of its own such as relais")
        }
        return name
    }

    /// Groups that ordinary, service or administrator accounts share on Debian and its neighbours.
    static let broadGroups: Set<String> = [
        "users", "staff", "adm", "sudo", "wheel", "admin", "nogroup", "nobody", "daemon", "sys", "bin",
        "plugdev", "netdev", "audio", "video", "dialout", "cdrom", "floppy", "disk", "tty", "systemd-journal",
    ]

    /// Empty, or an absolute http(s) URL without spaces.
    static func webURL(_ value: ConfigValue) throws(ValueRejection) -> String {
        let allowed = "\"\" or an address starting with https:// or http://"
        let url = try text(value, expected: allowed)
        guard !url.isEmpty else { return url }
        let lowered = url.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else {
            throw ValueRejection(problem: "\(value.rendered) is not an http(s) address", allowed: allowed)
        }
        let rest = url.dropFirst(scheme.count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let clean = url.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"\"<>\\^`{|}".unicodeScalars.contains($0) }
        guard !authority.isEmpty, clean else {
            throw ValueRejection(problem: "\(value.rendered) is not a valid address", allowed: allowed)
        }
        return url
    }

    /// IPv4/IPv6 addresses or CIDR blocks reachable before acceptance; each item is checked on its own.
    static func addressBlocks(_ value: ConfigValue) throws(ValueRejection) -> [String] {
        let allowed = "an array of addresses or blocks, such as [\"192.0.2.10\", \"198.51.100.0/24\", \"2001:db8::/32\"]"
        guard case .stringArray(let items) = value else {
            throw ValueRejection(problem: "\(value.rendered) is \(value.kindName)", allowed: allowed)
        }
        for item in items { try addressBlock(item) }
        return items
    }

    static func addressBlock(_ item: String) throws(ValueRejection) {
        let quoted = ConfigValue.string(item).rendered
        let parts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(parts[0]) else {
            throw ValueRejection(problem: "\(quoted) is not an IP address or CIDR block",
                                 allowed: "an address such as 192.0.2.10 or a block such as 198.51.100.0/24")
        }
        // Wider blocks would open a large part of the internet before visitors accept the terms.
        let widest = address.isIPv4 ? PreauthCoverage.widestIPv4 : PreauthCoverage.widestIPv6
        let range = "a prefix length from \(widest) to \(address.bitWidth) for IPv\(address.isIPv4 ? 4 : 6)"
        guard parts.count == 2 else { return }
        guard let prefix = prefixLength(parts[1]), let block = CIDRBlock(address: address, prefixLength: prefix) else {
            throw ValueRejection(problem: "\(quoted) has an invalid prefix length", allowed: range)
        }
        guard prefix >= widest else { throw ValueRejection(problem: "\(quoted) is too wide", allowed: range) }
        guard !block.hasHostBits else {
            throw ValueRejection(problem: "\(quoted) has bits set after the prefix; did you mean \"\(block.network)\"?")
        }
    }

    /// Decimal digits only, no sign, no leading zero: the text after `/` (as `CIDRBlock` reads it).
    static func prefixLength(_ text: Substring) -> Int? {
        guard (1...3).contains(text.count), text.allSatisfy({ ("0"..."9").contains($0) }),
              text.count == 1 || text.first != "0" else { return nil }
        return Int(text)
    }
}
