import FoundationEssentials
import Testing
@testable import RelaisCore

private let zone = TimeZoneRules(name: "Europe/Paris", posixRule: "CET-1CEST,M3.5.0,M10.5.0/3")!

private func at(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int = 0) -> Date {
    zone.instant(for: LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi)!)
}

private func time(_ h: Int, _ m: Int = 0) -> LocalTime { LocalTime(hour: h, minute: m)! }

private let marie = Agent(id: 1, login: "marie", displayName: "Marie Dupont", role: "Accueil", showsFirstName: true)
private let paul = Agent(id: 2, login: "paul", displayName: "Paul Martin", role: "Conseiller numérique", showsFirstName: false)

@Suite struct DutyRosterTests {
    @Test func visitorsSeeTheFirstNameOrOnlyTheRole() {
        #expect(marie.visitorLabel == "Marie")
        #expect(paul.visitorLabel == "Conseiller numérique")
    }

    @Test func plannedWeeklySlotPutsTheAgentOnDutyUntilItsEnd() {
        // 2026-11-30 is a Monday.
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.monday), start: time(9), end: time(12))
        let roster = DutyRoster(zone: zone, agents: [marie], slots: [slot], checkIns: [])
        let duty = roster.onDuty(at: at(2026, 11, 30, 10))
        #expect(duty.map(\.label) == ["Marie"])
        #expect(duty.first?.until == at(2026, 11, 30, 12))
        #expect(duty.first?.source == .planned)
        #expect(roster.onDuty(at: at(2026, 11, 30, 12)).isEmpty)
        #expect(roster.onDuty(at: at(2026, 12, 1, 10)).isEmpty)
    }

    @Test func contiguousSlotsAreOneDuty() {
        let slots = [
            RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.monday), start: time(9), end: time(12)),
            RosterSlot(id: 2, agentID: 1, recurrence: .once(LocalDate(year: 2026, month: 11, day: 30)!), start: time(12), end: time(17)),
        ]
        let roster = DutyRoster(zone: zone, agents: [marie], slots: slots, checkIns: [])
        #expect(roster.onDuty(at: at(2026, 11, 30, 10)).first?.until == at(2026, 11, 30, 17))
    }

    @Test func slotPastMidnightCoversTheNextMorning() {
        let slot = RosterSlot(id: 1, agentID: 2, recurrence: .weekly(.friday), start: time(22), end: time(2))
        let roster = DutyRoster(zone: zone, agents: [paul], slots: [slot], checkIns: [])
        // Saturday 01:30 belongs to Friday's slot.
        let duty = roster.onDuty(at: at(2026, 12, 5, 1, 30))
        #expect(duty.map(\.label) == ["Conseiller numérique"])
        #expect(duty.first?.until == at(2026, 12, 5, 2))
        #expect(roster.onDuty(at: at(2026, 12, 5, 2, 30)).isEmpty)
    }

    @Test func slotAcrossTheSpringGapLastsOneHourLessOnTheClock() {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST. A 01:00–04:00 Sunday slot lasts 2 real hours.
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.sunday), start: time(1), end: time(4))
        let occurrence = slot.occurrence(on: LocalDate(year: 2026, month: 3, day: 29)!, in: zone)!
        #expect(occurrence.endsAt.timeIntervalSince(occurrence.startsAt) == 2 * 3600)
        let roster = DutyRoster(zone: zone, agents: [marie], slots: [slot], checkIns: [])
        #expect(roster.onDuty(at: at(2026, 3, 29, 3, 30)).first?.until == at(2026, 3, 29, 4))
        // A slot lying entirely in the gap never happens.
        let inGap = RosterSlot(id: 2, agentID: 1, recurrence: .weekly(.sunday), start: time(2, 10), end: time(2, 50))
        #expect(inGap.occurrence(on: LocalDate(year: 2026, month: 3, day: 29)!, in: zone) == nil)
    }

    @Test func slotAcrossTheAutumnOverlapLastsOneHourMore() {
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET. A 01:00–04:00 slot lasts 4 real hours.
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.sunday), start: time(1), end: time(4))
        let occurrence = slot.occurrence(on: LocalDate(year: 2026, month: 10, day: 25)!, in: zone)!
        #expect(occurrence.endsAt.timeIntervalSince(occurrence.startsAt) == 4 * 3600)
        let roster = DutyRoster(zone: zone, agents: [marie], slots: [slot], checkIns: [])
        // The second 02:30 (CET) is still on duty.
        let secondHalfPast2 = zone.instant(for: LocalDateTime(year: 2026, month: 10, day: 25, hour: 2, minute: 30)!, .latest)
        #expect(roster.onDuty(at: secondHalfPast2).map(\.agentID) == [1])
    }

    @Test func checkInPutsAnUnplannedAgentOnDutyAndCheckOutTakesAPlannedOneOff() {
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.monday), start: time(9), end: time(17))
        let checkedIn = CheckIn(id: 1, agentID: 2, startedAt: at(2026, 11, 30, 10))
        let checkedOut = CheckIn(id: 2, agentID: 1, startedAt: at(2026, 11, 30, 9), endedAt: at(2026, 11, 30, 11), endReason: .checkedOut)
        let roster = DutyRoster(zone: zone, agents: [marie, paul], slots: [slot], checkIns: [checkedIn, checkedOut])
        let duty = roster.onDuty(at: at(2026, 11, 30, 11, 30))
        #expect(duty.map(\.agentID) == [2])
        #expect(duty.first?.source == .checkedIn)
        #expect(duty.first?.until == nil)
        // Before the check-out, the plan held.
        #expect(roster.onDuty(at: at(2026, 11, 30, 10, 30)).map(\.agentID).sorted() == [1, 2])
        // Next Monday the plan holds again.
        #expect(roster.onDuty(at: at(2026, 12, 7, 10)).map(\.agentID) == [1])
    }

    @Test func forgottenCheckOutEndsAtTheEndOfThePlannedSlot() {
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.monday), start: time(9), end: time(12))
        let open = CheckIn(id: 7, agentID: 1, startedAt: at(2026, 11, 30, 9, 5))
        let roster = DutyRoster(zone: zone, agents: [marie], slots: [slot], checkIns: [open])
        #expect(roster.automaticEnd(of: open) == at(2026, 11, 30, 12))
        #expect(roster.onDuty(at: at(2026, 11, 30, 11)).first?.source == .checkedIn)
        #expect(roster.onDuty(at: at(2026, 11, 30, 13)).isEmpty)
        #expect(roster.forgottenCheckIns(at: at(2026, 11, 30, 11)).isEmpty)
        let forgotten = roster.forgottenCheckIns(at: at(2026, 11, 30, 13))
        #expect(forgotten.map(\.checkIn.id) == [7])
        #expect(forgotten.first?.endsAt == at(2026, 11, 30, 12))
    }

    @Test func forgottenCheckOutEndsAtTheSlotsEndOnBothDSTNights() {
        // 01:00–04:00 on the nights the clocks jump: the check-in ends when the wall clock reads 04:00.
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.sunday), start: time(1), end: time(4))
        for (month, day) in [(3, 29), (10, 25)] {
            let open = CheckIn(id: 1, agentID: 1, startedAt: at(2026, month, day, 1, 30))
            let roster = DutyRoster(zone: zone, agents: [marie], slots: [slot], checkIns: [open])
            #expect(roster.automaticEnd(of: open) == at(2026, month, day, 4))
            #expect(roster.forgottenCheckIns(at: at(2026, month, day, 4)).map(\.checkIn.id) == [1])
            #expect(roster.onDuty(at: at(2026, month, day, 3, 30)).first?.source == .checkedIn)
        }
    }

    @Test func forgottenUnplannedCheckInEndsAtLocalMidnightOnBothDSTDays() {
        for (month, day) in [(3, 28), (10, 24)] {
            let open = CheckIn(id: 1, agentID: 2, startedAt: at(2026, month, day, 18))
            let roster = DutyRoster(zone: zone, agents: [paul], slots: [], checkIns: [open])
            #expect(roster.automaticEnd(of: open) == zone.startOfDay(LocalDate(year: 2026, month: month, day: day + 1)!))
            #expect(roster.onDuty(at: at(2026, month, day + 1, 0, 30)).isEmpty)
        }
    }

    @Test func nextDutyIsTheNextPlannedStartOfSomeoneNotOnDuty() {
        let slots = [
            RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.monday), start: time(9), end: time(12)),
            RosterSlot(id: 2, agentID: 2, recurrence: .weekly(.tuesday), start: time(14), end: time(17)),
        ]
        let roster = DutyRoster(zone: zone, agents: [marie, paul], slots: slots, checkIns: [])
        let next = roster.nextDuty(after: at(2026, 11, 30, 10))
        #expect(next?.agentID == 2)
        #expect(next?.from == at(2026, 12, 1, 14))
        #expect(next?.until == at(2026, 12, 1, 17))
        #expect(roster.nextDuty(after: at(2026, 12, 1, 18))?.from == at(2026, 12, 7, 9))
        // Alone on the roster, the agent on duty now is also the next one, for next week's slot.
        let alone = DutyRoster(zone: zone, agents: [marie], slots: [slots[0]], checkIns: [])
        #expect(alone.nextDuty(after: at(2026, 11, 30, 10))?.from == at(2026, 12, 7, 9))
        // A later slot the same day that continues the current duty is not « next ».
        let split = DutyRoster(zone: zone, agents: [marie], slots: [
            slots[0], RosterSlot(id: 3, agentID: 1, recurrence: .weekly(.monday), start: time(12), end: time(13)),
        ], checkIns: [])
        #expect(split.nextDuty(after: at(2026, 11, 30, 10))?.from == at(2026, 12, 7, 9))
    }

    @Test func disabledAgentsAreNeverOnDuty() {
        var gone = marie
        gone.isDisabled = true
        let slot = RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.monday), start: time(9), end: time(12))
        let roster = DutyRoster(zone: zone, agents: [gone], slots: [slot], checkIns: [])
        #expect(roster.onDuty(at: at(2026, 11, 30, 10)).isEmpty)
        #expect(roster.nextDuty(after: at(2026, 11, 30, 8)) == nil)
    }

    @Test func weekViewStartsOnMondayWithWallTimes() {
        let slots = [
            RosterSlot(id: 1, agentID: 1, recurrence: .weekly(.wednesday), start: time(14), end: time(18)),
            RosterSlot(id: 2, agentID: 2, recurrence: .once(LocalDate(year: 2026, month: 12, day: 2)!), start: time(9), end: time(11)),
            RosterSlot(id: 3, agentID: 2, recurrence: .once(LocalDate(year: 2026, month: 12, day: 9)!), start: time(9), end: time(11)),
        ]
        let week = RosterWeek(containing: LocalDate(year: 2026, month: 12, day: 3)!, agents: [marie, paul], slots: slots)
        #expect(week.monday == LocalDate(year: 2026, month: 11, day: 30))
        #expect(week.days.count == 7)
        #expect(week.days[2].entries.map(\.slotID) == [2, 1])
        #expect(week.days[2].entries.map(\.isWeekly) == [false, true])
        #expect(week.days.enumerated().allSatisfy { $0.offset == 2 || $0.element.entries.isEmpty })
    }
}
