/// Tells which known connectivity check a request is, from its host and path alone.
/// The portal answers every probe with a redirect; the kind only serves logs and statistics.
public enum ProbeClassifier {
    /// The kind of probe for this `Host` (any case, without port) and path (query ignored).
    public static func classify(host: String, path: String) -> ProbeKind {
        let host = host.lowercased()
        var path = path
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        if path.isEmpty { path = "/" }
        guard let entries = table[host] else { return .unknown }
        for entry in entries where entry.paths.isEmpty || entry.paths.contains(path) {
            return entry.kind
        }
        return .unknown
    }

    private struct Entry {
        var kind: ProbeKind
        /// Exact paths; empty means any path on that host.
        var paths: Set<String>
    }

    private static let google: [Entry] = [Entry(kind: .android, paths: ["/generate_204", "/gen_204"])]

    // Sources: AOSP NetworkMonitor, Apple CNA, Windows NCSI, Firefox prefs, distribution NetworkManager configs.
    private static let table: [String: [Entry]] = [
        "connectivitycheck.gstatic.com": google,
        "clients3.google.com": google,
        "connectivitycheck.android.com": google,
        "www.google.com": google,
        "connectivitycheck.platform.hicloud.com": [Entry(kind: .android, paths: ["/generate_204"])],
        "captive.apple.com": [Entry(kind: .apple, paths: [])],
        "www.apple.com": [Entry(kind: .apple, paths: ["/library/test/success.html"])],
        "www.msftconnecttest.com": [Entry(kind: .windows, paths: ["/connecttest.txt", "/redirect"])],
        "www.msftncsi.com": [Entry(kind: .windows, paths: ["/ncsi.txt"])],
        "detectportal.firefox.com": [Entry(kind: .firefox, paths: ["/success.txt", "/canonical.html"])],
        "connectivity-check.ubuntu.com": [Entry(kind: .networkManager, paths: [])],
        "nmcheck.gnome.org": [Entry(kind: .networkManager, paths: ["/check_network_status.txt"])],
        "network-test.debian.org": [Entry(kind: .networkManager, paths: ["/nm"])],
        "ping.archlinux.org": [Entry(kind: .networkManager, paths: ["/nm-check.txt"])],
    ]
}
