import FoundationEssentials
import RelaisCore

/// Puts opening hours, times and distances into words of one language. The words and their order come
/// from the catalogue (`places.*`, `time.*`, `day.*`, `month.*`); Swift only picks the message and fills
/// in numbers.
struct PlaceWording {
    let messages: MessageCatalogue
    let zone: TimeZoneRules

    /// The keys this file reads, with their placeholders (checked at start-up in both languages).
    static let codeKeys: [String: [String]] = {
        var keys: [String: [String]] = [
            "time.hour": [], "time.hour_minutes": ["mm"], "time.am": [], "time.pm": [],
            "places.status.open_until": ["time"], "places.status.open_until_day": ["day", "time"],
            "places.status.open_always": [], "places.status.opens_today": ["time"], "places.status.opens_tomorrow": ["time"],
            "places.status.opens_day": ["day", "time"], "places.status.opens_date": ["date", "time"],
            "places.status.closed_for_now": [], "places.status.comment": ["comment"], "places.status.no_hours": [],
            "places.week.days": ["first", "last", "times"], "places.week.day": ["day", "times"],
            "places.week.span": ["start", "end"], "places.week.all_day": [], "places.week.closed_holidays": [],
            "places.week.other_days_closed": [], "places.week.always": [], "places.week.and": [],
            "places.distance.metres": ["metres"], "places.distance.km": ["whole", "tenth"], "places.date": ["day", "month"], "places.first_of_month": ["month"],
        ]
        for day in 1...7 { keys["day.\(day)"] = [] }
        for month in 1...12 { keys["month.\(month)"] = [] }
        return keys
    }()

    /// « Ouvert maintenant, ferme à 17 h 30 », « Fermé, ouvre lundi à 9 h »…
    func status(_ hours: OpeningHours?, at now: Date) -> String {
        guard let hours else { return messages["places.status.no_hours"] }
        if hours.isCommentOnly {
            return messages.format("places.status.comment", ["comment": hours.comments.joined(separator: " ; ")])
        }
        return status(hours.status(at: now, in: zone), now: now)
    }

    /// The words of a status computed elsewhere (the banner's nearest opening).
    func status(_ status: OpeningStatus, now: Date) -> String {
        let today = zone.localDate(at: now)
        switch status {
        case .unknown:
            return messages["places.status.no_hours"]
        case .open(nil):
            return messages["places.status.open_always"]
        case .open(let until?):
            let local = zone.localDateTime(at: until)
            // A closing at midnight reads « ferme à minuit » today, not « demain à 0 h ».
            if local.date == today || (local.date == today.adding(days: 1) && local.time == .midnight) {
                return messages.format("places.status.open_until", ["time": time(local.time)])
            }
            return messages.format("places.status.open_until_day", ["day": weekday(local.date.weekday), "time": time(local.time)])
        case .closed(nil):
            return messages["places.status.closed_for_now"]
        case .closed(let opens?):
            let local = zone.localDateTime(at: opens)
            let days = today.days(until: local.date)
            let time = time(local.time)
            switch days {
            case 0: return messages.format("places.status.opens_today", ["time": time])
            case 1: return messages.format("places.status.opens_tomorrow", ["time": time])
            case 2..<7: return messages.format("places.status.opens_day", ["day": weekday(local.date.weekday), "time": time])
            default: return messages.format("places.status.opens_date", ["date": date(local.date), "time": time])
            }
        }
    }

    /// The usual week as sentences: « Du lundi au vendredi : de 9 h à 12 h et de 14 h à 17 h 30. »
    func week(_ hours: OpeningHours) -> [String] {
        let days = Weekday.allCases.map { ($0, hours.spans(on: $0, publicHoliday: false)) }
        if days.allSatisfy({ $0.1 == [.wholeDay] }) || days.allSatisfy({ $0.1.first?.start == 0 && ($0.1.first?.end ?? 0) >= 1440 }) {
            return [messages["places.week.always"]] + holidaySentence(hours, days)
        }
        var sentences: [String] = []
        var index = 0
        while index < days.count {
            let (first, spans) = days[index]
            var last = index
            while last + 1 < days.count, days[last + 1].1 == spans { last += 1 }
            if !spans.isEmpty {
                let times = self.times(spans)
                sentences.append(last == index
                    ? messages.format("places.week.day", ["day": weekday(first), "times": times])
                    : messages.format("places.week.days", ["first": weekday(first), "last": weekday(days[last].0), "times": times]))
            }
            index = last + 1
        }
        if days.contains(where: { $0.1.isEmpty }), !sentences.isEmpty { sentences.append(messages["places.week.other_days_closed"]) }
        return sentences + holidaySentence(hours, days)
    }

    private func holidaySentence(_ hours: OpeningHours, _ days: [(Weekday, [OpeningHours.TimeSpan])]) -> [String] {
        let opensSomeDay = days.contains { !$0.1.isEmpty }
        let closedOnHolidays = Weekday.allCases.allSatisfy { hours.spans(on: $0, publicHoliday: true).isEmpty }
        return opensSomeDay && closedOnHolidays ? [messages["places.week.closed_holidays"]] : []
    }

    /// « de 9 h à 12 h et de 14 h à 17 h 30 ».
    func times(_ spans: [OpeningHours.TimeSpan]) -> String {
        if spans == [.wholeDay] { return messages["places.week.all_day"] }
        let parts = spans.map { span in
            messages.format("places.week.span", [
                "start": time(LocalTime(secondsSinceMidnight: span.start * 60)),
                "end": time(LocalTime(secondsSinceMidnight: span.end * 60)),
            ])
        }
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " " + messages["places.week.and"] + " " + parts[parts.count - 1]
    }

    /// « 9 h », « 17 h 30 » / "9 am", "5:30 pm".
    func time(_ time: LocalTime) -> String {
        let h12 = time.hour % 12 == 0 ? 12 : time.hour % 12
        var arguments = ["h": String(time.hour), "h12": String(h12), "ampm": messages[time.hour < 12 ? "time.am" : "time.pm"]]
        guard time.minute != 0 else { return messages.format("time.hour", arguments) }
        arguments["mm"] = (time.minute < 10 ? "0" : "") + String(time.minute)
        return messages.format("time.hour_minutes", arguments)
    }

    func weekday(_ day: Weekday) -> String { messages["day.\(day.rawValue)"] }

    /// « 14 septembre », « 1er mai » / "September 14", "May 1".
    func date(_ date: LocalDate) -> String {
        let month = messages["month.\(date.month)"]
        return date.day == 1
            ? messages.format("places.first_of_month", ["month": month])
            : messages.format("places.date", ["day": String(date.day), "month": month])
    }

    /// « à 450 m », « à 12,5 km » / "450 m away", "12.5 km away".
    func distance(_ metres: Double) -> String {
        if metres < 1_000 {
            return messages.format("places.distance.metres", ["metres": String(max(10, Int((metres / 10).rounded()) * 10))])
        }
        let tenths = Int((metres / 100).rounded())
        return messages.format("places.distance.km", ["whole": String(tenths / 10), "tenth": String(tenths % 10)])
    }
}
