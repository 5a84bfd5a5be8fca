/// The names relais puts into firewall commands, checked by one rule that both `check-config` and the
/// firewall adapter apply, so a file the checker accepts is never refused at start.
public enum FirewallNames {
    /// An nftables table name: a letter, then letters, digits, `_`, `-` or `.`; at most 64 characters,
    /// which nft's grammar reads as an identifier (a leading `_` or digit it does not).
    public static func isTableName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, isASCIILetter(first), name.utf8.count <= 64 else { return false }
        return name.unicodeScalars.allSatisfy(isNameCharacter)
    }

    /// A network interface name as the kernel allows it (1 to 15 bytes), restricted to letters, digits
    /// and `_-.`, and not `.` or `..`: no wildcard (`wlan*`) or alias (`eth0:1`) that nft would read differently.
    public static func isInterfaceName(_ name: String) -> Bool {
        guard (1...15).contains(name.utf8.count), name != ".", name != ".." else { return false }
        return name.unicodeScalars.allSatisfy(isNameCharacter)
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-" || scalar == "."
    }
}
