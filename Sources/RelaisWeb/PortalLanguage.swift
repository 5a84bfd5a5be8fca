import FoundationEssentials
import RelaisHTTP

/// The language of the pages: French first, English on request.
public enum PortalLanguage: String, Sendable, CaseIterable {
    case fr
    case en

    /// The other language, offered by the switch link on every page.
    var other: PortalLanguage { self == .fr ? .en : .fr }

    /// `?lang=` (or a form's `lang` field) wins; then the browser's Accept-Language; then French.
    /// `explicit` tells whether the visitor chose, so links keep the choice.
    static func negotiate(chosen: String?, acceptLanguage: String?) -> (language: PortalLanguage, explicit: Bool) {
        if let chosen, let language = PortalLanguage(rawValue: chosen.lowercased()) { return (language, true) }
        return (preferred(by: acceptLanguage) ?? .fr, false)
    }

    /// The highest-weighted of fr/en in an Accept-Language header (ties go to the first listed).
    static func preferred(by header: String?) -> PortalLanguage? {
        guard let header else { return nil }
        var best: (language: PortalLanguage, weight: Double)?
        for item in header.split(separator: ",") {
            let fields = item.split(separator: ";")
            guard let tag = fields.first?.trimmingOptionalWhitespace().lowercased() else { continue }
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard let language = PortalLanguage(rawValue: primary) else { continue }
            var weight = 1.0
            for parameter in fields.dropFirst() {
                let pair = parameter.trimmingOptionalWhitespace()
                if pair.hasPrefix("q="), let value = Double(pair.dropFirst(2)) { weight = value }
            }
            if weight > 0, weight > (best?.weight ?? 0) { best = (language, weight) }
        }
        return best?.language
    }

    /// A duration in words: « 4 heures », « 1 heure et 5 minutes », « moins d'une minute ».
    func duration(seconds: Int) -> String {
        let hours = max(0, seconds) / 3600
        let minutes = (max(0, seconds) % 3600) / 60
        switch self {
        case .fr:
            if hours == 0 && minutes == 0 { return "moins d’une minute" }
            let h = hours == 1 ? "1 heure" : "\(hours) heures"
            let m = minutes == 1 ? "1 minute" : "\(minutes) minutes"
            if hours == 0 { return m }
            return minutes == 0 ? h : "\(h) et \(m)"
        case .en:
            if hours == 0 && minutes == 0 { return "less than a minute" }
            let h = hours == 1 ? "1 hour" : "\(hours) hours"
            let m = minutes == 1 ? "1 minute" : "\(minutes) minutes"
            if hours == 0 { return m }
            return minutes == 0 ? h : "\(h) and \(m)"
        }
    }
}
