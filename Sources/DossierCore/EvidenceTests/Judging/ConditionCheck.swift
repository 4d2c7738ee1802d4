/// Judges ``TestCondition``s on one CSV cell (text, compared as written) or one JSON value (typed).
///
/// A value that cannot be judged (not a number where a number is compared, an unreadable date, a regex that
/// broke its work bound) is `.invalid`: a failure for `every`, `none` and `share` alike, never a pass.
struct ConditionCheck {
    enum Verdict: Equatable {
        case yes
        case no(String)
        case invalid(String)
    }

    /// The file's evidence date, for `within_days`.
    var evidenceDate: CalendarDay?

    /// All conditions hold (`yes`), the first that does not (`no`), or the first value that cannot be judged.
    func check(_ conditions: [TestCondition], cell: String) -> Verdict {
        var verdict = Verdict.yes
        for condition in conditions {
            switch check(condition, cell: cell) {
            case .yes: continue
            case .no(let why): if verdict == .yes { verdict = .no(why) }
            case .invalid(let why): return .invalid(why)
            }
        }
        return verdict
    }

    func check(_ conditions: [TestCondition], value: JSONValue) -> Verdict {
        var verdict = Verdict.yes
        for condition in conditions {
            switch check(condition, value: value) {
            case .yes: continue
            case .no(let why): if verdict == .yes { verdict = .no(why) }
            case .invalid(let why): return .invalid(why)
            }
        }
        return verdict
    }

    // MARK: - One condition

    private func check(_ condition: TestCondition, cell: String) -> Verdict {
        let shown = Self.quote(cell)
        switch condition {
        case .equals(let literal):
            return cell == literal.text ? .yes : .no("\(shown) is not \(Self.quote(literal.text))")
        case .oneOf(let literals):
            return literals.contains { $0.text == cell }
                ? .yes : .no("\(shown) is not one of \(literals.map { Self.quote($0.text) }.joined(separator: ", "))")
        case .matches(let regex):
            return match(regex, cell, shown)
        case .min(let bound):
            guard let n = Self.number(cell) else { return .invalid("\(shown) is not a number") }
            return n >= bound ? .yes : .no("\(shown) is below \(JSONValue.format(bound))")
        case .max(let bound):
            guard let n = Self.number(cell) else { return .invalid("\(shown) is not a number") }
            return n <= bound ? .yes : .no("\(shown) is above \(JSONValue.format(bound))")
        case .notEmpty:
            return cell.isEmpty ? .no("the value is empty") : .yes
        case .withinDays(let days):
            return within(days, cell, shown)
        }
    }

    private func check(_ condition: TestCondition, value: JSONValue) -> Verdict {
        let shown = value.described
        switch condition {
        case .equals(let literal):
            return value == literal.value ? .yes : .no("\(shown) is not \(literal.value.described)")
        case .oneOf(let literals):
            return literals.contains { $0.value == value }
                ? .yes : .no("\(shown) is not one of \(literals.map(\.value.described).joined(separator: ", "))")
        case .matches(let regex):
            guard let text = value.text else { return .invalid("\(shown) is not a string") }
            return match(regex, text, shown)
        case .min(let bound):
            guard case .number(let n) = value else { return .invalid("\(shown) is not a number") }
            return n >= bound ? .yes : .no("\(shown) is below \(JSONValue.format(bound))")
        case .max(let bound):
            guard case .number(let n) = value else { return .invalid("\(shown) is not a number") }
            return n <= bound ? .yes : .no("\(shown) is above \(JSONValue.format(bound))")
        case .notEmpty:
            switch value {
            case .null, .string(""): return .no("the value is empty")
            case .array(let items) where items.isEmpty: return .no("the array is empty")
            case .object(let pairs) where pairs.isEmpty: return .no("the object is empty")
            default: return .yes
            }
        case .withinDays(let days):
            guard let text = value.text else { return .invalid("\(shown) is not a date") }
            return within(days, text, shown)
        }
    }

    private func match(_ regex: LinearRegex, _ text: String, _ shown: String) -> Verdict {
        switch regex.wholeMatch(text) {
        case .match: .yes
        case .noMatch: .no("\(shown) does not match `\(regex.pattern)`")
        case .tooMuchWork:
            .invalid(
                "matching `\(regex.pattern)` against \(shown) broke the regex work bound (\(LinearRegex.maxSteps) steps)"
            )
        }
    }

    private func within(_ days: Int, _ text: String, _ shown: String) -> Verdict {
        guard let date = EvidenceDate.day(of: text) else {
            return .invalid("\(shown) is not a date (YYYY-MM-DD or an ISO 8601 timestamp)")
        }
        guard let evidenceDate else { return .invalid("the file has no evidence date to count days from") }
        if date > evidenceDate { return .no("\(shown) is after the evidence date \(evidenceDate)") }
        if evidenceDate.days(since: date) > days {
            return .no("\(shown) is \(evidenceDate.days(since: date)) days before \(evidenceDate) (at most \(days))")
        }
        return .yes
    }

    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else {
            return nil
        }
        return Double(text)
    }

    static func quote(_ text: String) -> String {
        "`" + (text.count > 80 ? String(text.prefix(80)) + "…" : text) + "`"
    }
}

/// Dates inside evidence values: `YYYY-MM-DD`, or an ISO 8601 timestamp read as its UTC day.
enum EvidenceDate {
    static func day(of text: String) -> CalendarDay? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, let day = CalendarDay(iso: String(decoding: bytes[0..<10], as: UTF8.self)) else {
            return nil
        }
        if bytes.count == 10 { return day }
        // YYYY-MM-DDTHH:MM(:SS(.fraction)?)?(Z|±HH:MM|±HHMM)
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return nil }
        var i = 11
        func two() -> Int? {
            guard i + 2 <= bytes.count, bytes[i..<i + 2].allSatisfy({ (48...57).contains($0) }) else { return nil }
            defer { i += 2 }
            return Int(bytes[i] - 48) * 10 + Int(bytes[i + 1] - 48)
        }
        guard let hour = two(), hour < 24, i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let minute = two(), minute < 60 else { return nil }
        var seconds = hour * 3600 + minute * 60
        if i < bytes.count, bytes[i] == UInt8(ascii: ":") {
            i += 1
            guard let second = two(), second <= 60 else { return nil }
            seconds += second
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < bytes.count, (48...57).contains(bytes[i]) { i += 1 }
                guard i > start else { return nil }
            }
        }
        guard i < bytes.count else { return nil }  // a timestamp needs its zone to have a UTC day
        if bytes[i] == UInt8(ascii: "Z") {
            i += 1
        } else if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            let sign = bytes[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            guard let oh = two(), oh < 24 else { return nil }
            if i < bytes.count, bytes[i] == UInt8(ascii: ":") { i += 1 }
            guard let om = two(), om < 60 else { return nil }
            seconds -= sign * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard i == bytes.count else { return nil }
        return CalendarDay(unixTime: day.unixTime + Int64(seconds))
    }
}
