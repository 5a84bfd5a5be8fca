import RelaisCore

/// The text printed after `auth`, `deauth`, `block` and `unblock`.
public enum BatchSummary {
    /// How many listed addresses are printed before « … et N autres ».
    public static let listedLimit = 20

    public static func render(_ response: ControlResponse, for request: ControlRequest) -> String {
        let affected = response.affected ?? 0
        var out = "\(affected) appareil\(plural(affected)) \(verb(request))\(plural(affected)).\n"
        let unchanged = response.unchanged ?? []
        if !unchanged.isEmpty {
            out += "\(unchanged.count) inchangé\(plural(unchanged.count)) (déjà dans cet état, ou bloqué) :\n"
            out += list(unchanged)
        }
        let invalid = response.invalid ?? []
        if !invalid.isEmpty {
            out += "\(invalid.count) refusé\(plural(invalid.count)) (adresse de groupe ou nulle) :\n"
            out += list(invalid)
        }
        return out
    }

    static func verb(_ request: ControlRequest) -> String {
        switch request {
        case .authorize: "autorisé"
        case .deauthorize: "déconnecté"
        case .block: "bloqué"
        case .unblock: "débloqué"
        case .status, .clients: "traité"
        }
    }

    private static func plural(_ count: Int) -> String { count > 1 ? "s" : "" }

    private static func list(_ macs: [MACAddress]) -> String {
        var out = macs.prefix(listedLimit).map { "  \($0)\n" }.joined()
        if macs.count > listedLimit { out += "  … et \(macs.count - listedLimit) autres\n" }
        return out
    }
}
