import Testing

@testable import DossierCore

@Suite struct CalendarDayTests {
    @Test(arguments: [
        "2026-02-30", "2026-13-01", "2026-1-01", "20260101", "2026-01-01T00:00", "", "abcd-ef-gh", "2025-02-29",
    ])
    func rejectsWhatIsNotADay(_ text: String) {
        #expect(CalendarDay(iso: text) == nil)
    }

    @Test func roundTripsAcrossCenturiesAndLeapDays() throws {
        for text in ["1970-01-01", "2000-02-29", "2024-02-29", "1969-12-31", "2100-03-01", "9999-12-31"] {
            let day = try #require(CalendarDay(iso: text))
            #expect(day.description == text)
        }
        #expect(CalendarDay(iso: "1970-01-02")!.daysSinceEpoch == 1)
        #expect(CalendarDay(iso: "1969-12-31")!.daysSinceEpoch == -1)
    }

    @Test func unixTimeFallsOnItsUTCDay() {
        #expect(CalendarDay(unixTime: 1_767_225_599).description == "2025-12-31")  // 23:59:59Z
        #expect(CalendarDay(unixTime: 1_767_225_600).description == "2026-01-01")
        #expect(CalendarDay(unixTime: -1).description == "1969-12-31")
    }

    @Test func isoWeeksFollowTheThursdayRule() {
        // 2026-01-01 is a Thursday: week 1 of 2026. 2027-01-01 is a Friday: week 53 of 2026.
        #expect(CalendarDay(iso: "2026-01-01")!.isoWeekday == 4)
        #expect(CalendarDay(iso: "2026-01-01")!.isoWeek == (2026, 1))
        #expect(CalendarDay(iso: "2025-12-29")!.isoWeek == (2026, 1))
        #expect(CalendarDay(iso: "2027-01-01")!.isoWeek == (2026, 53))
        #expect(CalendarDay(iso: "2027-01-04")!.isoWeek == (2027, 1))
        #expect(CalendarDay(iso: "2026-01-26")!.isoWeek == (2026, 5))
    }
}

@Suite struct PeriodWindowTests {
    let start = CalendarDay(iso: "2026-01-15")!
    let end = CalendarDay(iso: "2026-06-30")!

    @Test func monthsAreCutToThePeriod() {
        let windows = PeriodWindow.windows(of: .monthly, from: start, to: end)
        #expect(windows.map(\.label) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        #expect(windows[0].first == start)
        #expect(windows[0].last.description == "2026-01-31")
        #expect(windows[1].last.description == "2026-02-28")
    }

    @Test func labelsForEveryFrequency() {
        #expect(PeriodWindow.windows(of: .quarterly, from: start, to: end).map(\.label) == ["2026-Q1", "2026-Q2"])
        #expect(PeriodWindow.windows(of: .semiannual, from: start, to: end).map(\.label) == ["2026-H1"])
        #expect(PeriodWindow.windows(of: .annual, from: start, to: end).map(\.label) == ["2026"])
        #expect(PeriodWindow.windows(of: .once, from: start, to: end).count == 1)
        let days = PeriodWindow.windows(of: .daily, from: start, to: CalendarDay(iso: "2026-01-17")!)
        #expect(days.map(\.label) == ["2026-01-15", "2026-01-16", "2026-01-17"])
        #expect(PeriodWindow.windows(of: .continuous, from: start, to: start).map(\.label) == ["2026-01-15"])
    }

    @Test func isoWeeksStartOnMondayAndCrossTheYear() {
        let weeks = PeriodWindow.windows(
            of: .weekly, from: CalendarDay(iso: "2026-12-24")!, to: CalendarDay(iso: "2027-01-06")!)
        #expect(weeks.map(\.label) == ["2026-W52", "2026-W53", "2027-W01"])
        #expect(weeks[1].first.description == "2026-12-28")
        #expect(weeks[1].last.description == "2027-01-03")
        #expect(weeks[2].last.description == "2027-01-06")
    }

    @Test func anEmptyPeriodHasNoWindows() {
        #expect(PeriodWindow.windows(of: .monthly, from: end, to: start).isEmpty)
    }
}
