/// Turns problems with evidence files into diagnostics, one per file, so nothing is used or dropped silently.
enum EvidenceReport {
    static func report(_ readiness: Readiness, into log: DiagnosticLog) {
        for file in readiness.inventory.files {
            for problem in file.problems where problem != .shallowHistory || file.collected == nil {
                log.report(
                    Diagnostic(
                        .warning, .evidenceUnusable, "evidence file \(problem.explanation)", file: file.displayPath,
                        hint: problem.hint))
            }
        }
        for control in readiness.controls {
            for requirement in control.requirements where !requirement.later.isEmpty && requirement.files.isEmpty {
                let first = requirement.later.compactMap(\.date).min().map { " (first dated \($0))" } ?? ""
                log.report(
                    Diagnostic(
                        .note,
                        .evidenceDatedAfterAsOf,
                        "evidence for \(control.control.id) matching `\(requirement.requirement.path)` is dated after the as-of date \(readiness.asOf)\(first)",
                        file: Workspace.controlMapFile, line: requirement.requirement.mark?.line,
                        column: requirement.requirement.mark?.column,
                        hint: "readiness is judged as of \(readiness.asOf); files committed later did not exist then"))
            }
        }
    }
}
