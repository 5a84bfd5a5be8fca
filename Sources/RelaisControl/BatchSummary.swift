import RelaisCore

/// The text printed after `auth`, `deauth`, `block` and `unblock`.
public enum BatchSummary {
    /// How many listed addresses are printed before « … et N autres ».
    public static let listedLimit = 20

    public static func render(_ outcome: BatchOutcome, verb: String) -> String {
        let affected = outcome.affected
        var out = "\(affected) appareil\(plural(affected)) \(verb)\(plural(affected)).\n"
        let unchanged = outcome.unchanged
        if !unchanged.isEmpty {
            out += "\(unchanged.count) inchangé\(plural(unchanged.count)) (déjà dans cet état, ou bloqué) :\n"
            out += list(unchanged)
        }
        let invalid = outcome.invalid
        if !invalid.isEmpty {
            out += "\(invalid.count) refusé\(plural(invalid.count)) (adresse de groupe ou nulle) :\n"
            out += list(invalid)
        }
        let full = outcome.overCapacity
        if !full.isEmpty {
            out += "\(full.count) refusé\(plural(full.count)) (capacité atteinte, session.max_devices) :\n"
            out += list(full)
        }
        return out
    }

    /// What the CLI says on stderr when the daemon refused some addresses; nil when it refused none.
    public static func refusal(_ outcome: BatchOutcome) -> String? {
        let refused = outcome.invalid.map { ($0, reason($0)) }
            + outcome.overCapacity.map { ($0, "capacité atteinte : la box sert déjà session.max_devices appareils") }
        guard !refused.isEmpty else { return nil }
        let count = refused.count
        return "\(count) adresse\(plural(count)) refusée\(plural(count)) : "
            + refused.prefix(listedLimit).map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
            + (count > listedLimit ? ", … et \(count - listedLimit) autres" : "")
    }

    /// Why an address is not one device.
    static func reason(_ mac: MACAddress) -> String {
        if mac.rawValue == 0xFFFF_FFFF_FFFF { return "adresse de diffusion, pas un appareil" }
        if mac.isMulticast { return "adresse de groupe (multicast), pas un appareil" }
        return "adresse nulle, pas un appareil"
    }

    private static func plural(_ count: Int) -> String { count > 1 ? "s" : "" }

    private static func list(_ macs: [MACAddress]) -> String {
        var out = macs.prefix(listedLimit).map { "  \($0)\n" }.joined()
        if macs.count > listedLimit { out += "  … et \(macs.count - listedLimit) autres\n" }
        return out
    }
}
