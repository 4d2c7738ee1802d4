extension ToDoList {
    /// The "Fix failing evidence" items of one requirement: one per failing test (file, test, how many rows
    /// fail, the first few rows or JSON paths), and one for its failing Type II windows.
    static func failingItems(_ q: RequirementResult, who: String) -> [String] {
        failingDetails(q).map { "\(who): \($0)" }
    }

    /// The same items without the control, for pages that show it already.
    static func failingDetails(_ q: RequirementResult) -> [String] {
        var items: [String] = []
        for summary in q.tests where !summary.passed {
            let files = Array(Set(summary.failures.map(\.file))).sorted()
            let places = summary.failures.prefix(5).compactMap { f in
                f.line.map { "line \($0)" } ?? f.path
            }
            var item =
                "\(files.first ?? q.requirement.path)\(files.count > 1 ? " and \(files.count - 1) more" : "") — `\(summary.test.definition)` — "
            item += "\(summary.failureCount) failing \(summary.failureCount == 1 ? "row or value" : "rows or values")"
            if !places.isEmpty {
                item += " (\(places.joined(separator: ", "))\(summary.failureCount > places.count ? ", …" : ""))"
            }
            if let first = summary.failures.first { item += ": \(first.message)" }
            items.append(item)
        }
        if !q.failingWindows.isEmpty {
            items.append(
                "\(q.requirement.path) — failing Type II windows: "
                    + ranges(q.failingWindows, of: q.windows.map(\.window)))
        }
        return items
    }
}
