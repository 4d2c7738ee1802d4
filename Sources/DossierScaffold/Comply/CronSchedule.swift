import DossierCore

/// Reads how often a comply procedure's `cron` schedule fires, as a Dossier ``Frequency``.
///
/// comply uses robfig/cron, whose expressions have six fields (seconds first: `0 0 0 15 * *`); five-field
/// (classic) and seven-field (with a year) expressions and `@monthly`-style descriptors are read too. The
/// frequency is the cadence at which evidence should appear, so a schedule that fires more often than daily
/// counts as daily.
public enum CronSchedule {
    /// nil when the expression cannot be read.
    public static func frequency(_ expression: String) -> Frequency? {
        let text = expression.trimmingWhitespace()
        if text.hasPrefix("@") { return descriptor(text) }
        var fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { String($0).uppercased() }
        switch fields.count {
        case 5: break
        case 6: fields.removeFirst()
        case 7:
            fields.removeFirst()
            fields.removeLast()
        default: return nil
        }
        guard count(fields[0], 0...59) != nil, count(fields[1], 0...23) != nil,
            let days = count(fields[2], 1...31), let months = count(fields[3], 1...12, names: monthNames),
            let weekdays = count(fields[4], 0...7, names: dayNames)
        else { return nil }
        let everyDay = isAny(fields[2])
        let everyWeekday = isAny(fields[4])
        let weekdayCount = min(weekdays, 7)
        if months < 12 {
            switch months {
            case 1: return .annual
            case 2: return .semiannual
            case 3, 4: return .quarterly
            default: return .monthly
            }
        }
        if !everyWeekday && everyDay { return weekdayCount >= 5 ? .daily : .weekly }
        if !everyDay { return days >= 28 ? .daily : days >= 4 ? .weekly : .monthly }
        return .daily
    }

    private static func descriptor(_ text: String) -> Frequency? {
        switch text.lowercased() {
        case "@yearly", "@annually": .annual
        case "@monthly": .monthly
        case "@weekly": .weekly
        case "@daily", "@midnight", "@hourly": .daily
        default: nil
        }
    }

    private static func isAny(_ field: String) -> Bool { field == "*" || field == "?" }

    private static let monthNames = [
        "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
    ]
    private static let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

    /// How many distinct values of `range` the field selects, or nil when it is malformed.
    /// Names (`JAN`, `MON`) count from the range's first value; in a day-of-week field 7 is Sunday again.
    static func count(_ field: String, _ range: ClosedRange<Int>, names: [String] = []) -> Int? {
        func value(_ token: Substring) -> Int? {
            if let number = Int(token), range.contains(number) { return number }
            if let index = names.firstIndex(of: String(token)) { return range.lowerBound + index }
            return nil
        }
        var selected = Set<Int>()
        for item in field.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count <= 2 else { return nil }
            var step = 1
            if parts.count == 2 {
                guard let s = Int(parts[1]), s > 0 else { return nil }
                step = s
            }
            var low: Int
            var high: Int
            if parts[0] == "*" || parts[0] == "?" {
                (low, high) = (range.lowerBound, range.upperBound)
            } else if let dash = parts[0].firstIndex(of: "-") {
                guard let a = value(parts[0][..<dash]), let b = value(parts[0][parts[0].index(after: dash)...]), a <= b
                else { return nil }
                (low, high) = (a, b)
            } else {
                guard let a = value(parts[0]) else { return nil }
                (low, high) = (a, parts.count == 2 ? range.upperBound : a)
            }
            for v in stride(from: low, through: high, by: step) { selected.insert(range == 0...7 && v == 7 ? 0 : v) }
        }
        return selected.isEmpty ? nil : selected.count
    }
}
