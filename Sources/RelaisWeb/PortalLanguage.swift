import RelaisHTTP

/// The language of the pages: French first, English on request.
public enum PortalLanguage: String, Sendable, CaseIterable, NegotiableLanguage {
    case fr
    case en

    public static var fallback: PortalLanguage { .fr }

    /// The other language, offered by the switch link on every page.
    var other: PortalLanguage { self == .fr ? .en : .fr }
}
