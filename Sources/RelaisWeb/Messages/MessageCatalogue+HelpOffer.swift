import RelaisCore

extension MessageCatalogue {
    /// Keys the help offer's words use, with the placeholders the code fills in.
    static let helpOfferKeys: [String: [String]] = [
        "help.time.hour": ["hour"], "help.time.hour_minute": ["hour", "minute"],
        "help.day.today": [], "help.day.tomorrow": [], "help.day.date": ["day", "month"], "help.moment": ["day", "time"],
        "help.day.1": [], "help.day.2": [], "help.day.3": [], "help.day.4": [], "help.day.5": [], "help.day.6": [], "help.day.7": [],
        "help.distance.metres": ["count"], "help.distance.km": ["whole", "tenth"], "help.distance.km_whole": ["count"],
        "help.on_duty": ["name", "time"], "help.on_duty_now": ["name"], "help.nobody_here": [],
        "help.place_open_until": ["place", "distance", "time"], "help.place_open": ["place", "distance"],
        "help.place_opens": ["place", "distance", "moment"], "help.place_nearest": ["place", "distance"],
        "help.workshop_when": ["moment", "place"],
        "help.seats.none": [], "help.seats.one": [], "help.seats.other": ["count"],
        "kiosk.until": ["time"], "kiosk.wifi_caption": ["ssid"], "kiosk.places_caption": [], "kiosk.places_code": [],
        "help_progress.auto_link": ["seconds"], "help_progress.auto_on": ["seconds"],
        "help_request.topic.ameli": [], "help_request.topic.caf": [], "help_request.topic.france-travail": [],
        "help_request.topic.impots": [], "help_request.topic.email": [], "help_request.topic.other": [],
    ]

    /// A local time of day: « 17 h », « 9 h 05 » (« 17:00 » in English).
    public func clockTime(_ time: LocalTime) -> String {
        if time.minute == 0 { return format("help.time.hour", ["hour": String(time.hour)]) }
        let minute = time.minute < 10 ? "0\(time.minute)" : String(time.minute)
        return format("help.time.hour_minute", ["hour": String(time.hour), "minute": minute])
    }

    /// « aujourd’hui », « demain », « lundi », « le 7/12 ».
    public func day(_ day: HelpOfferDay) -> String {
        switch day {
        case .today: self["help.day.today"]
        case .tomorrow: self["help.day.tomorrow"]
        case .weekday(let weekday): self["help.day.\(weekday.rawValue)"]
        case .date(let date): format("help.day.date", ["day": String(date.day), "month": String(date.month)])
        }
    }

    /// « lundi à 9 h », « aujourd’hui à 14 h », seen from `now`.
    public func moment(_ when: LocalDateTime, from now: LocalDateTime) -> String {
        format("help.moment", ["day": day(HelpOfferDay(when.date, from: now.date)), "time": clockTime(when.time)])
    }

    /// « 300 m » (to 50 m), « 1,5 km » under 10 km, « 12 km » beyond (« 2 km », not « 2,0 km »).
    public func distance(metres: Int) -> String {
        let metres = max(0, metres)
        let fifties = max(50, (metres + 25) / 50 * 50)
        if fifties < 1_000 {
            return format("help.distance.metres", ["count": String(fifties)])
        }
        let tenths = (metres + 50) / 100
        if tenths < 100, tenths % 10 != 0 {
            return format("help.distance.km", ["whole": String(tenths / 10), "tenth": String(tenths % 10)])
        }
        return format("help.distance.km_whole", ["count": String(tenths < 100 ? tenths / 10 : (metres + 500) / 1_000)])
    }

    /// « 3 places libres », « Complet », or nil when the workshop takes no booking.
    func seats(_ count: Int?) -> String? {
        guard let count else { return nil }
        switch count {
        case ...0: return self["help.seats.none"]
        case 1: return self["help.seats.one"]
        default: return format("help.seats.other", ["count": String(count)])
        }
    }
}
