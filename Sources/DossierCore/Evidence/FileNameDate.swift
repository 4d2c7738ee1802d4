/// The day a file's name says it describes: `access-review-2026-06-30.csv`, `backup-20260630.log`,
/// `okta-mfa-2026-06.csv` (a month stands for its last day).
///
/// Teams name exports by the day they describe and commit them days later; the name is then the better
/// evidence date. ``FileNameDates`` decides whether to believe it.
public struct FileNameDate: Sendable, Hashable {
    /// The day the name stands for (the last day of the month for `YYYY-MM`).
    public var day: CalendarDay
    /// The first day the name stands for (the first of the month for `YYYY-MM`; else `day`).
    public var first: CalendarDay
    /// The date as written in the name.
    public var text: String

    /// The last date in the file name of `path` (its last component, extension included), or nil. Only a digit
    /// run of exactly 4 (year 1990–2099) joined by `-` to runs of 2, or a run of exactly 8, counts, so
    /// version numbers, ids and timestamps longer than a date are not read as dates.
    public static func parse(_ path: [UInt8]) -> FileNameDate? {
        let name = Array(path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).last ?? [])
        var runs: [(start: Int, end: Int)] = []
        var i = 0
        while i < name.count {
            guard isDigit(name[i]) else {
                i += 1
                continue
            }
            let start = i
            while i < name.count && isDigit(name[i]) { i += 1 }
            runs.append((start, i))
        }
        var found: FileNameDate?
        var r = 0
        while r < runs.count {
            let run = runs[r]
            let length = run.end - run.start
            let joined = { (next: Int) in
                next < runs.count && runs[next].start == runs[next - 1].end + 1
                    && name[runs[next - 1].end] == UInt8(ascii: "-") && runs[next].end - runs[next].start == 2
            }
            if length == 8, let date = date(name, run.start, 4, run.start + 4, run.start + 6) {
                found = date
            } else if length == 4 && joined(r + 1) {
                if joined(r + 2) {
                    // Shaped like YYYY-MM-DD: a day, or nothing (2026-02-30 is not February).
                    if let date = date(name, run.start, 4, runs[r + 1].start, runs[r + 2].start) { found = date }
                    r += 2
                } else if let date = month(name, run.start, runs[r + 1].start) {
                    found = date
                    r += 1
                }
            }
            r += 1
        }
        return found
    }

    private static func isDigit(_ b: UInt8) -> Bool { (48...57).contains(b) }

    private static func number(_ name: [UInt8], _ start: Int, _ count: Int) -> Int {
        name[start..<start + count].reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func date(_ name: [UInt8], _ y: Int, _ yLength: Int, _ m: Int, _ d: Int) -> FileNameDate? {
        let year = number(name, y, 4)
        guard (1990...2099).contains(year),
            let day = CalendarDay(year: year, month: number(name, m, 2), day: number(name, d, 2))
        else { return nil }
        return FileNameDate(day: day, first: day, text: day.description)
    }

    private static func month(_ name: [UInt8], _ y: Int, _ m: Int) -> FileNameDate? {
        let year = number(name, y, 4)
        let month = number(name, m, 2)
        guard (1990...2099).contains(year), let first = CalendarDay(year: year, month: month, day: 1) else {
            return nil
        }
        let next =
            month == 12
            ? CalendarDay(year: year + 1, month: 1, day: 1) : CalendarDay(year: year, month: month + 1, day: 1)
        guard let next else { return nil }
        return FileNameDate(day: next.adding(days: -1), first: first, text: String(first.description.prefix(7)))
    }
}
