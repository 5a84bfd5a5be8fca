import FoundationEssentials
import RelaisCore
import RelaisHTTP

extension FormPurpose {
    /// « Je veux de l’aide »: works before the visitor connects, bound to the device's address.
    public static let helpRequest = FormPurpose("help-request")
}

/// The view model of `/aide/demande`: the optional topic, where the visitor sits, and the send button.
struct HelpRequestPage {
    /// Longest « where are you sitting » kept; the field's own `maxlength`.
    static let seatMaxLength = 40

    var token: String
    var langField: String?
    var topics: [[String: Any]]
    /// The previous form was refused (expired, reused).
    var problem: Bool
    /// Nobody is on duty now: the request waits for the next one.
    var nobodyHere: Bool

    var values: [String: Any] {
        var values: [String: Any] = [
            "token": token, "topics": topics, "problem": problem, "nobodyHere": nobodyHere, "seatMaxLength": Self.seatMaxLength,
        ]
        if let langField { values["langField"] = langField }
        return values
    }

}

/// The two optional answers of a sent request, checked.
struct HelpRequestFields: Equatable {
    var topic: HelpOfferTopic?
    /// Trimmed; nil when left empty.
    var seat: String?

    /// Nil when a field holds what the form cannot send: a topic it never offered, a seat longer than
    /// its `maxlength` or with control characters.
    init?(_ form: [String: String]) {
        if let code = form["topic"], !code.isEmpty {
            guard let topic = HelpOfferTopic(rawValue: code) else { return nil }
            self.topic = topic
        }
        let seat = (form["seat"] ?? "").trimmingOptionalWhitespace()
        guard seat.count <= HelpRequestPage.seatMaxLength,
              !seat.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        self.seat = seat.isEmpty ? nil : String(seat)
    }
}

extension PortalPages {
    /// `GET /aide/demande`: the short form; 404 on a box without a help offer.
    func helpRequestForm(_ visit: PortalVisit, problem: Bool = false, status: Int = 200) throws(HTTPError) -> HTTPResponse {
        guard let help else { throw HTTPError(.notFound) }
        let messages = renderer.messages[visit.language]
        let page = HelpRequestPage(
            token: try forms.issue(.helpRequest, for: .visitor(ipAddress: visit.ipAddress), now: visit.now),
            langField: visit.languageField,
            topics: HelpOfferTopic.allCases.map { ["code": $0.rawValue, "label": messages["help_request.topic.\($0.rawValue)"]] },
            problem: problem, nobodyHere: help.offer.snapshot(at: visit.now).onDuty.isEmpty)
        return renderer.page("help_request", page.values, visit: visit, status: status)
    }

    /// `POST /aide/demande`: spend the token, pass the request on, then show its progress (303).
    func submitHelpRequest(_ request: HTTPRequest, _ context: PortalContext) async throws(HTTPError) -> HTTPResponse {
        guard let help else { throw HTTPError(.notFound) }
        let form: [String: String], visit: PortalVisit
        switch try readPost(request, context, purpose: .helpRequest) {
        case .refused(_, let refusedVisit): return try helpRequestForm(refusedVisit, problem: true, status: 403)
        case .accepted(let fields, let acceptedVisit): (form, visit) = (fields, acceptedVisit)
        }
        guard let fields = HelpRequestFields(form) else { throw HTTPError(.badRequest) }
        let ticket: HelpOfferTicket
        do {
            ticket = try await help.offer.submitHelpRequest(topic: fields.topic, seat: fields.seat, at: visit.now)
        } catch {
            // The topic and the seat are the visitor's words: never logged.
            logger.error("help request not stored", metadata: ["help.error": "\(type(of: error))"])
            throw HTTPError(.serviceUnavailable, headers: [("Retry-After", "60")])
        }
        logger.info("help request received", metadata: ["help.topic": "\(fields.topic?.rawValue ?? "none")"])
        return .redirect(to: Self.progressPath(ticket, languageQuery: visit.languageQuery), status: 303)
    }

    /// `/aide/suivi?id=…&cle=…[&auto=1]`, keeping the chosen language.
    static func progressPath(_ ticket: HelpOfferTicket, languageQuery: String, auto: Bool = false) -> String {
        let path = "/aide/suivi?id=\(URLEncodedForm.encode(ticket.id))&cle=\(URLEncodedForm.encode(ticket.token))" + (auto ? "&auto=1" : "")
        return languageQuery.isEmpty ? path : path + "&" + languageQuery.dropFirst()
    }
}
