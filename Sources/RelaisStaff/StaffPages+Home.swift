import FoundationEssentials
import RelaisCore
import RelaisHTTP
import RelaisWeb

/// The agent's home: who is on duty now and next, check in / out in one tap, the help-request queue.
extension StaffPages {
    func home(_ agent: Agent, _ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        let now = clock()
        let roster = try await helpDesk.roster(at: now)
        let duty = roster.onDuty(at: now)
        let names = Dictionary(roster.agents.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first })
        let texts = templates.messages[context.language]
        let checkedIn = duty.contains { $0.agentID == agent.id && $0.source == .checkedIn }
        let dutyRows: [[String: Any]] = duty.map { assignment in
            [
                "name": names[assignment.agentID] ?? assignment.label,
                "visitorsSee": texts.format("staff.home.visitors_see", ["label": assignment.label]),
                "until": assignment.until.map { texts.format("staff.home.until", ["time": timeText($0)]) } ?? "",
                "live": assignment.source == .checkedIn,
            ]
        }
        var values: [String: Any] = [
            "checkedIn": checkedIn, "presenceToken": try token(.staffPresence, context),
            "duty": dutyRows, "nobody": duty.isEmpty,
        ]
        if let next = roster.nextDuty(after: now) {
            let day = settings.zone.localDate(at: next.from)
            values["next"] = texts.format("staff.home.next_line", [
                "name": names[next.agentID] ?? next.label, "date": dateText(day, context.language),
                "time": timeText(next.from),
            ])
        }
        let requests = try await store.openHelpRequests()
        values["requests"] = try requests.map { request -> [String: Any] in
            [
                "id": "\(request.id)", "topic": request.topic.map { texts["staff.topic.\($0.rawValue)"] } ?? texts["staff.topic.none"],
                "seat": request.seat ?? "", "time": timeText(request.createdAt), "taken": request.state == .taken,
                "takenBy": request.takenBy.flatMap { names[$0] } ?? "",
                "token": try token(.staffHelp, context),
            ]
        }
        values["noRequests"] = requests.isEmpty
        return try page("staff/home", values, context: context, path: "/agent")
    }

    /// `POST /agent/presence`: checks in when out, out when in.
    func presence(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffPresence) { agent, form in
            let now = clock()
            if form["action"] == "out" {
                _ = try await store.checkOut(agentID: agent.id, at: now)
                await helpDesk.changed(.checkedOut, at: now)
                logger.info("agent checked out", metadata: ["staff.agent": "\(agent.id)"])
            } else {
                // A check-in the agent forgot (already past its automatic end) is closed first.
                try await helpDesk.endForgottenCheckIns(at: now)
                _ = try await store.checkIn(agentID: agent.id, at: now)
                await helpDesk.changed(.checkedIn, at: now)
                logger.info("agent checked in", metadata: ["staff.agent": "\(agent.id)"])
            }
            return Self.seeOther("/agent", context)
        }
    }

    /// `POST /agent/demandes/:id/prise` and `…/cloture`.
    func helpAction(_ request: HTTPRequest, _ context: StaffContext, take: Bool) async throws -> HTTPResponse {
        try await post(request, context, .staffHelp) { agent, _ in
            guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError(.notFound) }
            let now = clock()
            let changed = take
                ? try await store.takeHelpRequest(id: id, agentID: agent.id, at: now)
                : try await store.closeHelpRequest(id: id, at: now)
            if changed { await helpDesk.changed(take ? .requestTaken : .requestClosed, at: now) }
            logger.info(take ? "help request taken" : "help request closed", metadata: ["help.request": "\(id)", "help.changed": "\(changed)"])
            return Self.seeOther("/agent", context)
        }
    }
}
