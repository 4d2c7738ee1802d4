import DossierCore

extension ControlMatrix {
    /// The `tests` column: empty when no requirement has tests, `passed (N tests)` when every test passed on
    /// every file judged, else `failed:` and each failing test (with its file and row counts) and failing
    /// Type II window, one per line.
    static func testOutcome(_ result: ControlResult) -> String {
        let summaries = result.requirements.flatMap(\.tests)
        guard !summaries.isEmpty else { return "" }
        var failing: [String] = []
        for q in result.requirements {
            for summary in q.tests where !summary.passed {
                failing.append(
                    "\(q.requirement.path): \(summary.test.definition) — \(summary.filesFailed) file(s), \(summary.failureCount) failing row(s) or value(s)"
                )
            }
            if !q.failingWindows.isEmpty {
                failing.append(
                    "\(q.requirement.path): failing Type II windows \(q.failingWindows.map(\.label).joined(separator: ", "))"
                )
            }
        }
        if failing.isEmpty { return "passed (\(summaries.count) test\(summaries.count == 1 ? "" : "s"))" }
        return (["failed:"] + failing).joined(separator: "\n")
    }
}
