import RelaisCore
import RelaisHTTP

/// The view model of `/aide/suivi`: where the visitor's request stands. It reloads itself only when the
/// visitor asked for it (`auto=1`, WCAG 2.2.1: no page changes under a reader by surprise); else a button does.
struct HelpProgressPage {
    /// Seconds between reloads while the request waits for an agent, when the visitor chose so.
    static let refreshSeconds = 15

    var stage: HelpRequestStage?
    /// This page, without and with automatic reloads.
    var selfHref: String
    var autoHref: String
    var auto: Bool

    var values: [String: Any] {
        var values: [String: Any] = ["selfHref": selfHref, "autoHref": autoHref, "auto": auto]
        switch stage {
        case .received?:
            values["received"] = true
            if auto { values["refreshSeconds"] = Self.refreshSeconds }
        case .taken?: values["taken"] = true
        case .closed?: values["closed"] = true
        case nil: values["unknown"] = true
        }
        return values
    }

    /// Ids and tokens are short runs of letters, digits, `-` and `_`: anything else is not a ticket.
    static func ticket(id: String?, token: String?) -> HelpOfferTicket? {
        guard let id, let token, isPlain(id), isPlain(token) else { return nil }
        return HelpOfferTicket(id: id, token: token)
    }

    static func isPlain(_ text: String) -> Bool {
        (1...128).contains(text.utf8.count) && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }
}

extension PortalPages {
    /// `GET /aide/suivi`: received (reloads itself), taken, closed, or unknown (404).
    func helpProgress(_ visit: PortalVisit) async throws(HTTPError) -> HTTPResponse {
        guard let help else { throw HTTPError(.notFound) }
        let ticket = HelpProgressPage.ticket(id: visit.query["id"], token: visit.query["cle"])
        let stage: HelpRequestStage? = if let ticket { await help.offer.helpRequestProgress(ticket) } else { nil }
        let messages = renderer.messages[visit.language]
        let page = HelpProgressPage(
            stage: stage, selfHref: ticket.map { Self.progressPath($0, languageQuery: visit.languageQuery) } ?? "/",
            autoHref: ticket.map { Self.progressPath($0, languageQuery: visit.languageQuery, auto: true) } ?? "/",
            auto: visit.query["auto"] == "1")
        let switchPath = ticket.map { Self.progressPath($0, languageQuery: "", auto: page.auto) } ?? "/"
        var values = page.values
        values["autoLink"] = messages.format("help_progress.auto_link", ["seconds": String(HelpProgressPage.refreshSeconds)])
        values["autoOn"] = messages.format("help_progress.auto_on", ["seconds": String(HelpProgressPage.refreshSeconds)])
        return renderer.page("help_progress", values, visit: visit, status: stage == nil ? 404 : 200, switchPath: switchPath)
    }
}
