import FoundationEssentials
import RelaisCore
import RelaisHTTP
import RelaisWeb

/// Workshops: the list of those to come, with create, edit and delete.
extension StaffPages {
    /// A workshop as typed in the form, and what is wrong with it.
    struct WorkshopDraft: Sendable {
        var fields: [String: String]
        var problems: [WorkshopProblem]

        var values: [String: Any] {
            var values: [String: Any] = fields
            for problem in problems { values["problem_\(problem.rawValue)"] = true }
            values["hasProblems"] = !problems.isEmpty
            return values
        }
    }

    func workshops(_ agent: Agent, _ request: HTTPRequest, _ context: StaffContext, draft: WorkshopDraft?) async throws -> HTTPResponse {
        let today = LocalDateTime(date: localNow.date, time: .midnight)
        let list = try await store.workshops(from: today, limit: 200)
        let texts = templates.messages[context.language]
        let rows: [[String: Any]] = try list.map { workshop in
            [
                "id": "\(workshop.id)", "title": workshop.title, "place": workshop.place,
                "when": texts.format("staff.workshops.when", [
                    "date": dateText(workshop.startsAt.date, context.language), "time": timeOfDay(workshop.startsAt.time),
                ]),
                "seats": workshop.seats.map { texts.format("staff.workshops.seats_count", ["count": "\($0)"]) } ?? "",
                "token": try token(.staffWorkshop, context),
            ]
        }
        var values: [String: Any] = ["workshops": rows, "none": rows.isEmpty, "token": try token(.staffWorkshop, context)]
        values["form"] = draft?.values ?? ["date": localNow.date.description, "time": "14:00"]
        return try page("staff/workshops", values, context: context, path: "/agent/ateliers", status: draft == nil ? 200 : 400)
    }

    func editWorkshop(_ agent: Agent, _ request: HTTPRequest, _ context: StaffContext, draft: WorkshopDraft? = nil) async throws -> HTTPResponse {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }), let workshop = try await store.workshop(id: id) else {
            throw HTTPError(.notFound)
        }
        let form = draft?.values ?? [
            "title": workshop.title, "date": workshop.startsAt.date.description, "time": timeOfDay(workshop.startsAt.time),
            "place": workshop.place, "seats": workshop.seats.map { "\($0)" } ?? "",
        ]
        return try page("staff/workshop-edit", ["id": "\(id)", "form": form, "token": try token(.staffWorkshop, context)],
                        context: context, path: "/agent/ateliers/\(id)", status: draft == nil ? 200 : 400)
    }

    func createWorkshop(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffWorkshop) { agent, form in
            switch Self.workshop(from: form, id: 0) {
            case .failure(let error): return try await workshops(agent, request, context, draft: error.draft)
            case .success(let workshop):
                _ = try await store.addWorkshop(workshop)
                await helpDesk.changed(.workshops, at: clock())
                return Self.seeOther("/agent/ateliers", context)
            }
        }
    }

    func updateWorkshop(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffWorkshop) { agent, form in
            guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError(.notFound) }
            switch Self.workshop(from: form, id: id) {
            case .failure(let error): return try await editWorkshop(agent, request, context, draft: error.draft)
            case .success(let workshop):
                guard try await store.updateWorkshop(workshop) else { throw HTTPError(.notFound) }
                await helpDesk.changed(.workshops, at: clock())
                return Self.seeOther("/agent/ateliers", context)
            }
        }
    }

    func deleteWorkshop(_ request: HTTPRequest, _ context: StaffContext) async throws -> HTTPResponse {
        try await post(request, context, .staffWorkshop) { _, _ in
            guard let id = context.parameters["id"].flatMap({ Int64($0) }) else { throw HTTPError(.notFound) }
            _ = try await store.deleteWorkshop(id: id)
            await helpDesk.changed(.workshops, at: clock())
            return Self.seeOther("/agent/ateliers", context)
        }
    }

    /// The workshop the form describes, or the draft with its problems.
    static func workshop(from form: [String: String], id: Int64) -> Result<Workshop, WorkshopDraftError> {
        let fields = ["title", "date", "time", "place", "seats"].reduce(into: [String: String]()) {
            $0[$1] = RosterText.trimmed(form[$1] ?? "")
        }
        var problems: [WorkshopProblem] = []
        let date = LocalDate(iso: fields["date"] ?? "")
        let time = LocalTime(parsing: fields["time"] ?? "")
        if date == nil { problems.append(.date) }
        if time == nil { problems.append(.time) }
        let seatsText = fields["seats"] ?? ""
        let seats = seatsText.isEmpty ? nil : Int(seatsText)
        let workshop = Workshop(
            id: id, title: fields["title"] ?? "", startsAt: LocalDateTime(date: date ?? LocalDate(daysSince1970: 0), time: time ?? .midnight),
            place: fields["place"] ?? "", seats: seats ?? (seatsText.isEmpty ? nil : 0))
        problems += workshop.problems
        guard problems.isEmpty else { return .failure(WorkshopDraftError(draft: WorkshopDraft(fields: fields, problems: problems))) }
        return .success(workshop)
    }

    /// `HH:MM`, the value of a time field.
    func timeOfDay(_ time: LocalTime) -> String {
        LocalTime(hour: time.hour, minute: time.minute)?.description ?? time.description
    }
}

/// A workshop form that cannot be saved, as an error value for `Result`.
struct WorkshopDraftError: Error {
    var draft: StaffPages.WorkshopDraft
}
