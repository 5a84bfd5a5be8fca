import FoundationEssentials
import RelaisCore

/// The page a visitor first asked for, offered as a link once connected, only when it is safe and useful:
/// a plain http(s) address, not the portal itself, not an operating system's connectivity check.
struct ContinueTarget {
    let url: String
    let host: String

    init?(_ text: String?, portalHost: String) {
        guard let text, !text.isEmpty, text.utf8.count <= PortalPages.maxContinueLength,
              text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f }),
              let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host?.lowercased(), !host.isEmpty, components.user == nil
        else { return nil }
        guard host != portalHost, ProbeClassifier.classify(host: host, path: components.path) == .unknown else { return nil }
        self.url = text
        self.host = host
    }
}
