import RelaisCore
import Testing

@Suite struct OpeningHoursParsingTests {
    @Test func theSchemaExample() throws {
        let value = try hours("Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00")
        #expect(value.rules.count == 2)
        #expect(value.rules[0].weekdays == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(value.rules[0].spans.map { [$0.start, $0.end] } == [[540, 720], [840, 1110]])
        #expect(value.rules[1].weekdays == [.saturday] && !value.rules[1].isAdditional)
        #expect(value.spans(on: .wednesday, publicHoliday: false).count == 2)
        #expect(value.spans(on: .sunday, publicHoliday: false).isEmpty)
    }

    @Test func listsWrappingRangesHolidaysAndStates() throws {
        let value = try hours("Sa-Mo 10:00-12:00; Tu,Th 14:00-16:00 open; Su,PH off \"fermé le dimanche\"")
        #expect(value.rules[0].weekdays == [.saturday, .sunday, .monday])
        #expect(value.rules[1].weekdays == [.tuesday, .thursday] && value.rules[1].state == .open)
        #expect(value.rules[2].weekdays == [.sunday] && value.rules[2].publicHolidays && value.rules[2].state == .closed)
        #expect(value.comments == ["fermé le dimanche"])
        #expect(try hours("Mo-Fr 10:00-12:00; PH closed").rules[1].weekdays.isEmpty)
    }

    @Test func rangesPastMidnightBelongToTheirFirstDay() throws {
        #expect(try hours("Fr 22:00-02:00").rules[0].spans.map { [$0.start, $0.end] } == [[1320, 1560]])
        #expect(try hours("Fr 22:00-26:00").rules[0].spans.map { [$0.start, $0.end] } == [[1320, 1560]])
        #expect(try hours("Mo-Su 00:00-24:00").rules[0].spans == [.wholeDay])
    }

    @Test func commasStartAdditionalRulesOnlyBeforeADay() throws {
        let value = try hours("Mo 10:00-12:00, 14:00-16:00, Tu 09:00-11:00")
        #expect(value.rules.count == 2)
        #expect(value.rules[0].spans.count == 2)
        #expect(value.rules[1].isAdditional && value.rules[1].weekdays == [.tuesday])
    }

    @Test func twentyFourSevenCommentsAndTolerance() throws {
        #expect(try hours("24/7").rules[0].weekdays.count == 7)
        #expect(try hours("24/7; PH off").rules.count == 2)
        let comment = try hours("\"sur rendez-vous\"")
        #expect(comment.isCommentOnly && comment.comments == ["sur rendez-vous"])
        // Spaces around dashes, a single-digit hour and a trailing semicolon occur in real files.
        #expect(try hours("Mo-Fr 9:00 - 12:00;").rules[0].spans.first?.start == 540)
        #expect(try hours("10:00-18:00").rules[0].weekdays.count == 7)
        #expect(try hours("off").rules[0].state == .closed)
    }

    @Test(arguments: [
        ("", 1, "vides"),
        ("Mo-Fr 9h-12h", 7, "HH:MM"),
        ("Jan-Mar 10:00-12:00", 1, "mois"),
        ("Mo-Fr 09:00-12:00 || 10:00-11:00", 19, "||"),
        ("SH off", 1, "vacances scolaires"),
        ("Mo[1] 10:00-12:00", 3, "jours du mois"),
        ("Mo 24:00-26:00", 4, "24:00"),
        ("Mo 10:00-10:00", 10, "plage vide"),
        ("Mo 09:00-12:00 \"sans fin", 16, "guillemet"),
        ("Xy 10:00-12:00", 1, "n'est pas un jour"),
        ("Mo-Fr 17:00+", 12, "fins ouvertes"),
        ("Mo 09:60-10:00", 4, "impossible"),
        ("Mo-Fr 09:00-12:00 Sa", 19, "n'est pas compris"),
        ("Mo- 10:00-12:00", 4, "jour de fin"),
        ("Mo 10:00-49:00", 10, "impossible"),
    ])
    func invalidTextsSayWhereAndWhat(text: String, column: Int, fragment: String) {
        #expect {
            try OpeningHours(parsing: text)
        } throws: { error in
            guard let error = error as? OpeningHoursError else { return false }
            return error.column == column && error.message.contains(fragment)
        }
    }
}
