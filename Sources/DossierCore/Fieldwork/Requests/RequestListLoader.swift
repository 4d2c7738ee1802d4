import DossierYAML

/// Reads `requests.yaml` (format 1): the auditor's request list kept in the workspace, each request linked to
/// controls, evidence globs or a note. Every mistake is a diagnostic at its line and column; what is valid is
/// kept, as for the control map.
///
/// ```yaml
/// dossier: 1
/// columns: [Request ID, Description, TSC, Control, Due Date, Assignee, Comments]   # the auditor's order
/// requests:
///   - id: PBC-07
///     description: Population of production changes for the period
///     criteria: [CC8.1]
///     controls: [CHG-001]
///     evidence: [evidence/change/CHG-001/merged-prs-*.csv]
///     period: {start: 2026-01-01, end: 2026-09-30}
///     due: 2026-10-20
///     assignee: eng@northwind.example
///     note: Exported from GitHub by the release manager.
///     cells: {Comments: "first request"}      # other columns of the auditor's list, kept as they came
/// ```
public struct RequestListLoader: Sendable {
    public static let topLevelKeys = ["dossier", "columns", "requests"]
    public static let requestKeys = [
        "id", "description", "criteria", "controls", "evidence", "note", "due", "assignee", "period", "cells",
    ]

    public var file = RequestList.file
    /// Ids of the control map's controls, and of those dropped for errors (not reported again).
    public var controls: [String]
    public var invalidControls: Set<String>

    public init(controls: [String], invalidControls: Set<String> = []) {
        self.controls = controls
        self.invalidControls = invalidControls
    }

    public func load(_ bytes: [UInt8], into log: DiagnosticLog) -> RequestList {
        var diagnostics: [Diagnostic] = []
        defer { log.report(diagnostics) }
        let parsed = YAMLParser.parse(bytes)
        diagnostics += parsed.problems.map {
            Diagnostic(
                .error, DiagnosticCode($0.kind), $0.message, file: file, line: $0.mark.line, column: $0.mark.column,
                hint: $0.hint ?? "fix the YAML syntax; Dossier reads one YAML document")
        }
        var list = RequestList()
        guard let root = parsed.root, !root.isNull,
            var top = MappingReader(root, context: "the request list", file: file, diagnostics: &diagnostics)
        else { return list }
        if let version = top.value("dossier") {
            if version.scalar != "1" || !version.isPlainScalar {
                top.diagnostics.append(
                    .error(
                        .requestsUnsupportedFormat, "unsupported request list format \(version.describedValue)",
                        file: file, at: version.sourceMark, hint: "this version of Dossier reads format 1: `dossier: 1`"
                    ))
            }
        } else {
            top.missing("dossier", hint: "add `dossier: 1` (the format version) as the first line")
        }
        list.columns = top.scalarList("columns")?.map(\.0) ?? []
        if let items = top.value("requests"), !items.isNull {
            if let sequence = items.sequence {
                var seen: [String: Int] = [:]
                for node in sequence {
                    guard let request = readRequest(node, &top.diagnostics) else { continue }
                    if let first = seen[request.id] {
                        top.diagnostics.append(
                            .error(
                                .requestsDuplicateID,
                                "request id `\(request.id)` is used again (first on line \(first))",
                                file: file, at: request.mark, hint: "request ids must be unique"))
                        continue
                    }
                    seen[request.id] = request.mark?.line ?? 0
                    list.requests.append(request)
                }
            } else {
                top.typeError("requests", items, expected: "a list")
            }
        }
        top.finish(allowed: Self.topLevelKeys)
        diagnostics += top.diagnostics
        return list
    }

    private func readRequest(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> AuditRequest? {
        guard var reader = MappingReader(node, context: "a request", file: file, diagnostics: &diagnostics) else {
            return nil
        }
        defer { diagnostics += reader.diagnostics }
        guard let id = reader.string("id", required: true, hint: "the request's number in the auditor's list") else {
            reader.finish(allowed: Self.requestKeys)
            return nil
        }
        reader.context = "request `\(id)`"
        var request = AuditRequest(id: id, description: reader.string("description", required: false) ?? "")
        request.mark = node.sourceMark
        request.note = reader.string("note", required: false)
        request.assignee = reader.string("assignee", required: false)
        request.due = reader.day("due")?.0
        for (criterion, mark) in reader.scalarList("criteria") ?? [] {
            request.criteria.append(criterion)
            if SOC2Catalog.criterion(criterion) == nil {
                reader.diagnostics.append(
                    .warning(
                        .requestsUnknownCriterion, "request `\(id)` references `\(criterion)`, not a SOC 2 criterion",
                        file: file, at: mark,
                        hint: reader.suggestion(criterion, SOC2Catalog.criteria.map(\.id)).map {
                            "did you mean `\($0)`?"
                        }
                            ?? "criteria are written like CC6.1, A1.2, C1.1"))
            }
        }
        for (control, mark) in reader.scalarList("controls") ?? [] {
            if controls.contains(control) {
                request.controls.append(control)
            } else if !invalidControls.contains(control) {
                reader.diagnostics.append(
                    .error(
                        .requestsUnknownControl, "request `\(id)` links `\(control)`, which is not in controls.yaml",
                        file: file, at: mark,
                        hint: NearestName.to(control, in: controls).map { "did you mean `\($0)`?" }
                            ?? "link controls by their id in controls.yaml"))
            }
        }
        for (glob, mark) in reader.scalarList("evidence") ?? [] {
            if let problem = WorkspacePath.problem(with: glob)
                ?? Glob.syntaxProblem(glob).map({ "is malformed: \($0)" })
            {
                reader.diagnostics.append(
                    .error(
                        .requestsInvalidPath, "evidence `\(glob)` of request `\(id)` \(problem)", file: file, at: mark,
                        hint: "write a path or glob relative to the workspace, e.g. `evidence/change/*.csv`"))
            } else {
                request.evidence.append(glob)
            }
        }
        if let periodNode = reader.value("period"), !periodNode.isNull,
            var period = MappingReader(
                periodNode, context: "`period` of request `\(id)`", file: file, diagnostics: &reader.diagnostics)
        {
            let start = period.day("start", required: true)
            let end = period.day("end", required: true)
            period.finish(allowed: ["start", "end"])
            reader.diagnostics += period.diagnostics
            if let (s, _) = start, let (e, mark) = end {
                if s > e {
                    reader.diagnostics.append(
                        .error(
                            .schemaNotADate, "the date range of request `\(id)` ends (\(e)) before it starts (\(s))",
                            file: file, at: mark, hint: "swap `start` and `end`"))
                } else {
                    request.period = AuditPeriod(start: s, end: e)
                }
            }
        }
        if let cells = reader.value("cells"), !cells.isNull {
            if let pairs = cells.mapping {
                for pair in pairs {
                    guard let key = pair.key.scalar, let value = pair.value.scalar else { continue }
                    request.cells[key] = value
                }
            } else {
                reader.typeError("cells", cells, expected: "a mapping of column to value")
            }
        }
        reader.finish(allowed: Self.requestKeys)
        return request
    }
}
