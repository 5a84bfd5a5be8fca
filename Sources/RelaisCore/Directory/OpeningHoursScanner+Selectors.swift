extension OpeningHoursScanner {
    /// Two-letter weekday names, as the specification writes them.
    static let weekdayNames: [String: Weekday] = [
        "Mo": .monday, "Tu": .tuesday, "We": .wednesday, "Th": .thursday, "Fr": .friday, "Sa": .saturday, "Su": .sunday,
    ]
    static let modifiers: [String: OpeningHours.State] = ["open": .open, "off": .closed, "closed": .closed, "unknown": .unknown]
    /// Selectors of the full specification that this subset refuses with a message rather than misreads.
    static let unsupported: [String: String] = [
        "SH": "les vacances scolaires (SH) ne sont pas prises en charge",
        "week": "les numéros de semaine ne sont pas pris en charge",
        "easter": "les dates relatives à Pâques ne sont pas prises en charge (utiliser PH)",
        "sunrise": "les heures solaires ne sont pas prises en charge", "sunset": "les heures solaires ne sont pas prises en charge",
        "dawn": "les heures solaires ne sont pas prises en charge", "dusk": "les heures solaires ne sont pas prises en charge",
    ]
    static let months: Set<String> = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The letters from here (not consumed).
    func letters() -> String {
        var end = index
        while end < characters.count, characters[end].isLetter { end += 1 }
        return String(characters[index..<end])
    }

    /// `Mo-Fr,PH`…: the weekdays and whether public holidays are selected; nil when no day name is here.
    mutating func daySelector() throws(OpeningHoursError) -> (Set<Weekday>, Bool)? {
        guard try dayName(peekOnly: true) != nil else { return nil }
        var days = Set<Weekday>()
        var holidays = false
        while true {
            let start = index
            switch try dayName(peekOnly: false) {
            case .holiday?:
                holidays = true
            case .weekday(let first)?:
                if take("[") { throw error(at: index - 1, "les jours du mois (« \(first)[…] ») ne sont pas pris en charge") }
                if take("-") {
                    guard case .weekday(let last)? = try dayName(peekOnly: false) else {
                        throw error("jour de fin attendu après « - », trouvé « \(word()) »")
                    }
                    var day = first
                    days.insert(day)
                    while day != last {
                        day = day.adding(days: 1)
                        days.insert(day)
                    }
                } else {
                    days.insert(first)
                }
            case nil:
                throw error(at: start, "jour attendu, trouvé « \(word()) »")
            }
            let beforeComma = index
            skipSpaces()
            guard take(",") else {
                index = beforeComma
                break
            }
            skipSpaces()
            // `Mo 10:00-12:00, Tu …` is handled by the caller as an additional rule; here only `Mo,Tu`.
            guard try dayName(peekOnly: true) != nil else {
                index = beforeComma
                break
            }
        }
        return (days, holidays)
    }

    enum DayName { case weekday(Weekday), holiday }

    /// A day name here (consumed unless `peekOnly`); nil for anything else that is not a day (a modifier,
    /// a time, a comment). Throws for names of the full specification this subset refuses, or unknown words.
    mutating func dayName(peekOnly: Bool) throws(OpeningHoursError) -> DayName? {
        let name = letters()
        guard !name.isEmpty else { return nil }
        if Self.modifiers[name] != nil { return nil }
        let result: DayName
        if let weekday = Self.weekdayNames[name] {
            result = .weekday(weekday)
        } else if name == "PH" {
            result = .holiday
        } else if let reason = Self.unsupported[name] {
            throw error(reason)
        } else if Self.months.contains(name) {
            throw error("les mois (« \(name) ») ne sont pas pris en charge")
        } else {
            throw error("« \(name) » n'est pas un jour (Mo, Tu, We, Th, Fr, Sa, Su ou PH)")
        }
        if !peekOnly { index += name.count }
        return result
    }

    /// `09:00-12:00,14:00-17:30`.
    mutating func timeSelector() throws(OpeningHoursError) -> [OpeningHours.TimeSpan] {
        var spans: [OpeningHours.TimeSpan] = []
        while true {
            spans.append(try timeSpan())
            let beforeComma = index
            skipSpaces()
            guard take(",") else {
                index = beforeComma
                return spans
            }
            skipSpaces()
            guard let c = peek, c.isASCIIDigit else {
                index = beforeComma
                return spans
            }
        }
    }

    /// `09:00-12:00`; an end at or before the start runs past midnight (`22:00-02:00` is `22:00-26:00`).
    mutating func timeSpan() throws(OpeningHoursError) -> OpeningHours.TimeSpan {
        let begin = index
        let start = try time()
        guard start < 1440 else { throw error(at: begin, "une plage ne peut pas commencer à 24:00 ou après") }
        skipSpaces()
        if take("+") { throw error(at: index - 1, "les fins ouvertes (« + ») ne sont pas prises en charge") }
        guard take("-") else { throw error("« - » attendu après l'heure de début") }
        skipSpaces()
        let endBegin = index
        var end = try time()
        if take("+") { throw error(at: index - 1, "les fins ouvertes (« + ») ne sont pas prises en charge") }
        guard end != start else { throw error(at: endBegin, "plage vide (début et fin identiques)") }
        if end < start { end += 1440 }
        guard let span = OpeningHours.TimeSpan(start: start, end: end) else {
            throw error(at: endBegin, "heure de fin impossible pour cette plage")
        }
        return span
    }

    /// `HH:MM` (one or two digits for the hour) as minutes; hours up to 48.
    mutating func time() throws(OpeningHoursError) -> Int {
        let begin = index
        var hourDigits = ""
        while let c = peek, c.isASCIIDigit, hourDigits.count < 2 {
            hourDigits.append(c)
            index += 1
        }
        guard !hourDigits.isEmpty, take(":") else {
            index = begin
            throw error("heure attendue au format HH:MM, trouvé « \(word()) »")
        }
        var minuteDigits = ""
        while let c = peek, c.isASCIIDigit, minuteDigits.count < 2 {
            minuteDigits.append(c)
            index += 1
        }
        guard minuteDigits.count == 2, let hour = Int(hourDigits), let minute = Int(minuteDigits) else {
            throw error(at: begin, "heure attendue au format HH:MM")
        }
        if let c = peek, c.isASCIIDigit { throw error(at: begin, "heure attendue au format HH:MM") }
        guard minute < 60, hour * 60 + minute <= 2880 else { throw error(at: begin, "heure impossible « \(hourDigits):\(minuteDigits) »") }
        return hour * 60 + minute
    }

    /// `open`, `off`, `closed` or `unknown`, if here.
    mutating func stateModifier() throws(OpeningHoursError) -> OpeningHours.State? {
        let name = letters()
        guard let state = Self.modifiers[name] else { return nil }
        index += name.count
        return state
    }

    /// `"…"`, if here (without the quotes).
    mutating func comment() throws(OpeningHoursError) -> String? {
        let begin = index
        guard take("\"") else { return nil }
        var text = ""
        while let c = peek, c != "\"" {
            text.append(c)
            index += 1
        }
        guard take("\"") else { throw error(at: begin, "commentaire sans guillemet fermant") }
        return text
    }
}
