import FoundationEssentials
import RelaisCore
import RelaisHTTP
import RelaisWeb

/// The week view of the planned roster, with slots added and removed by any agent.
extension StaffPages {
    func roster(_ agent: Agent, _ request: HTTPRequest, _ context: StaffContext, problem: Bool = false) async throws -> HTTPResponse {
        let today = localNow.date
        let asked = request.queryParameters?["semaine"].flatMap(LocalDate.init(iso:)) ?? today
        let agents = try await store.agents().filter { !$0.isDisabled }
        let week = RosterWeek(containing: asked, agents: agents, slots: try await store.rosterSlots())
        let texts = templates.messages[context.language]
        let days: [[String: Any]] = try week.days.map { day in
            [
                "title": dateText(day.date, context.language), "isToday": day.date == today,
                "empty": day.entries.isEmpty,
                "entries": try day.entries.map { entry -> [String: Any] in
                    [
                        "id": "\(entry.slotID)", "name": entry.agentName,
                        "hours": texts.format("staff.roster.hours", ["start": entry.start.description, "end": entry.end.description]),
                        "weekly": entry.isWeekly, "nextDay": entry.crossesMidnight, "token": try token(.staffRoster, context),
                        "removeLabel": texts.format("staff.roster.remove_label", [
                            "name": entry.agentName, "start": entry.start.description, "end": entry.end.description,
                        ]),
                    ]
                },
            ]
        }
        let values: [String: Any] = [
            "weekTitle": texts.format("staff.roster.week_of", ["date": dateText(week.monday, context.language)]),
            "week": week.monday.description, "previous": week.monday.adding(days: -7).description,
            "next": week.monday.adding(days: 7).description,
            "days": days, "problem": problem, "token": try token(.staffRoster, context), "today": today.description,
            "agents": agents.map { ["id": "\($0.id)", "name": $0.displayName, "selected": $0.id == agent.id] as [String: Any] },
        ]
        return try page("staff/roster", values, context: context, path: "/agent/planning?semaine=\(week.monday)",
                        status: problem ? 400 : 200)
    }

    /// `POST /agent/planning/ajout`: agent, date, start, end, and « every week » (on that date's weekday).
    func addSlot(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffRoster) { agent, form in
            guard let agentID = form["agent"].flatMap({ Int64($0) }),
                  let date = form["date"].flatMap(LocalDate.init(iso:)),
                  let start = form["start"].flatMap(LocalTime.init(parsing:)),
                  let end = form["end"].flatMap(LocalTime.init(parsing:)), start != end
            else {
                var shown = request
                shown.query = ""
                return try await roster(agent, shown, context, problem: true)
            }
            let recurrence: RosterSlot.Recurrence = form["weekly"] == "1" ? .weekly(date.weekday) : .once(date)
            _ = try await store.addRosterSlot(agentID: agentID, recurrence: recurrence, start: start, end: end)
            logger.info("roster slot added", metadata: ["staff.agent": "\(agent.id)"])
            return Self.seeOther("/agent/planning?semaine=\(date)", context)
        }
    }

    /// `POST /agent/planning/:id/suppression`.
    func removeSlot(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffRoster) { agent, form in
            guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError(.notFound) }
            _ = try await store.removeRosterSlot(id: id)
            logger.info("roster slot removed", metadata: ["staff.agent": "\(agent.id)"])
            let week = form["semaine"].flatMap(LocalDate.init(iso:)).map { "?semaine=\($0)" } ?? ""
            return Self.seeOther("/agent/planning\(week)", context)
        }
    }
}
