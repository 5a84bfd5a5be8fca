extension OpeningHours {
    /// Reads `text`; throws `OpeningHoursError` naming the column and the problem. Accepted: rules separated
    /// by `;` (or `,` before a day), weekday lists and ranges (`Mo-Fr`, `Mo,We`, `Sa-Mo`), `PH`, time ranges
    /// (`09:00-12:00,14:00-17:30`, up to `48:00`, or past midnight as `22:00-02:00`), `open`, `off`,
    /// `closed`, `24/7` and comments in double quotes. Months, weeks, school holidays (`SH`), `||` and open
    /// ends (`17:00+`) are refused with a clear message.
    public init(parsing text: String) throws(OpeningHoursError) {
        var scanner = OpeningHoursScanner(text)
        var rules: [Rule] = []
        scanner.skipSpaces()
        if scanner.atEnd { throw OpeningHoursError(column: 1, "horaires vides") }
        var additional = false
        while true {
            rules.append(try scanner.rule(isAdditional: additional))
            scanner.skipSpaces()
            if scanner.atEnd { break }
            if scanner.take(";") {
                additional = false
            } else if scanner.take("||") {
                throw scanner.error(at: scanner.index - 2, "les règles de repli « || » ne sont pas prises en charge")
            } else if scanner.take(",") {
                additional = true
            } else {
                throw scanner.error("« ; » attendu entre deux règles, trouvé « \(scanner.word()) »")
            }
            scanner.skipSpaces()
            // A trailing `;` is tolerated (some editors write one).
            if scanner.atEnd, !additional { break }
        }
        self.init(text: text, rules: rules)
    }
}

/// A cursor over the characters of an `opening_hours` text.
struct OpeningHoursScanner {
    let characters: [Character]
    var index = 0

    init(_ text: String) { characters = Array(text) }

    var atEnd: Bool { index >= characters.count }
    var peek: Character? { atEnd ? nil : characters[index] }

    mutating func skipSpaces() {
        while let c = peek, c == " " || c == "\t" { index += 1 }
    }

    mutating func take(_ literal: String) -> Bool {
        var position = index
        for character in literal {
            guard position < characters.count, characters[position] == character else { return false }
            position += 1
        }
        index = position
        return true
    }

    func error(_ message: String) -> OpeningHoursError { error(at: index, message) }

    func error(at position: Int, _ message: String) -> OpeningHoursError {
        OpeningHoursError(column: position + 1, message)
    }

    /// The letters, digits and signs from here, for an error message (not consumed).
    func word() -> String {
        var end = index
        while end < characters.count, !" ;,\"".contains(characters[end]) { end += 1 }
        return end == index ? String(characters[index...].prefix(1)) : String(characters[index..<end])
    }

    /// One rule: `24/7`, or days, times, a state and a comment, each optional (but not all absent).
    mutating func rule(isAdditional: Bool) throws(OpeningHoursError) -> OpeningHours.Rule {
        let begin = index
        var weekdays = Set(Weekday.allCases)
        var holidays = false
        var spans: [OpeningHours.TimeSpan] = []
        var state: OpeningHours.State = .open
        var named = false
        if take("24/7") {
            named = true
        } else if let days = try daySelector() {
            (weekdays, holidays) = days
            named = true
        }
        skipSpaces()
        if let c = peek, c.isASCIIDigit {
            spans = try timeSelector()
            named = true
        }
        skipSpaces()
        if let modifier = try stateModifier() {
            state = modifier
            named = true
        }
        skipSpaces()
        let comment = try self.comment()
        if !named {
            guard comment != nil else {
                throw error(atEnd ? "règle vide" : "jour, heure ou commentaire attendu, trouvé « \(word()) »")
            }
            state = .unknown
        }
        skipSpaces()
        if let c = peek, c != ";", c != "," {
            throw error("« \(word()) » n'est pas compris ici (règle commencée colonne \(begin + 1))")
        }
        return OpeningHours.Rule(weekdays: weekdays, publicHolidays: holidays, spans: spans, state: state,
                                 comment: comment, isAdditional: isAdditional)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
