/// One calendar-aligned slice of a Type II audit period in which a requirement needs at least one evidence file.
public struct PeriodWindow: Sendable, Hashable {
    /// `2026-03-14`, `2026-W05`, `2026-03`, `2026-Q1`, `2026-H1`, `2026`, or `period` for `once`.
    public let label: String
    public let first: CalendarDay
    public let last: CalendarDay

    public func contains(_ day: CalendarDay) -> Bool { first <= day && day <= last }

    /// Cuts `start...end` into windows of `frequency`, each cut to the period's first and last day.
    public static func windows(of frequency: Frequency, from start: CalendarDay, to end: CalendarDay) -> [PeriodWindow]
    {
        guard start <= end else { return [] }
        if frequency == .once {
            return [PeriodWindow(label: "\(start)..\(end)", first: start, last: end)]
        }
        var result: [PeriodWindow] = []
        var day = start
        while day <= end {
            let (label, natural) = enclosing(day, frequency)
            let last = min(natural, end)
            result.append(PeriodWindow(label: label, first: day, last: last))
            day = last.adding(days: 1)
        }
        return result
    }

    /// The label and the last day of the calendar window of `frequency` containing `day`.
    static func enclosing(_ day: CalendarDay, _ frequency: Frequency) -> (String, CalendarDay) {
        let (y, m, _) = day.components
        let year = CalendarDay.pad(y, 4)
        func endOfMonth(_ month: Int) -> CalendarDay {
            CalendarDay(year: y, month: month, day: CalendarDay.daysIn(month: month, year: y))!
        }
        switch frequency {
        case .continuous, .daily:
            return (day.description, day)
        case .weekly:
            let week = day.isoWeek
            return (
                "\(CalendarDay.pad(week.year, 4))-W\(CalendarDay.pad(week.week, 2))",
                day.adding(days: 7 - day.isoWeekday)
            )
        case .monthly:
            return ("\(year)-\(CalendarDay.pad(m, 2))", endOfMonth(m))
        case .quarterly:
            let q = (m - 1) / 3 + 1
            return ("\(year)-Q\(q)", endOfMonth(q * 3))
        case .semiannual:
            let h = m <= 6 ? 1 : 2
            return ("\(year)-H\(h)", endOfMonth(h * 6))
        case .annual, .once:
            return (year, endOfMonth(12))
        }
    }
}
