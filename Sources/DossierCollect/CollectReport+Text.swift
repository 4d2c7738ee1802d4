import DossierCore

extension CollectReport {
    /// The report for people: one line per collector, then the commit. Diagnostics are printed apart.
    public func text() -> String {
        let day = CalendarDay(unixTime: now)
        guard !tasks.isEmpty else { return "Nothing to collect on \(day): no collector is due.\n" }
        var lines: [String] = []
        let width = tasks.map(\.control.id.count).max() ?? 0
        func id(_ task: CollectTask) -> String { task.control.id.padding(width) }
        if dryRun {
            lines.append("Would run \(Self.count(tasks.count, "collector")) on \(day):")
            for task in tasks {
                lines.append(
                    "  \(id(task))  `\(task.collector.commandLine)` -> \(task.output)  (\(task.reason), timeout \(task.collector.timeoutSeconds) s)"
                )
            }
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append(
            "Collected on \(day): \(written.count) written, \(outcomes.count - written.count - failures.count) already there, \(failures.count) failed"
        )
        for outcome in outcomes {
            let task = outcome.task
            switch outcome.result {
            case .written:
                lines.append(
                    "  wrote   \(id(task))  \(task.output)  (\(outcome.bytes) bytes, \(Self.seconds(outcome.milliseconds)); \(task.reason))"
                )
            case .exists:
                lines.append("  exists  \(id(task))  \(task.output)  (nothing run)")
            case .failed(let code):
                let status = outcome.status.map { "exit \($0), " } ?? ""
                lines.append(
                    "  FAILED  \(id(task))  `\(task.collector.commandLine)`  (\(status)owner \(task.control.owner)) [\(code.rawValue)]"
                )
                for line in outcome.stderrLines() { lines.append("          | " + line) }
            }
        }
        if let commit {
            lines.append(
                "Committed \(commit.prefix(12)): \(Self.count(written.count, "file")) and \(EvidenceScanner.collectionDatesFile)"
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func seconds(_ milliseconds: Int64) -> String {
        "\(milliseconds / 1000).\(milliseconds % 1000 / 100) s"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
