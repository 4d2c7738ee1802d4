import DossierYAML

/// Turns `controls.yaml` into a ``ControlMap``, reporting every problem in the file in one pass.
public struct ControlMapLoader: Sendable {
    /// Path of the control map relative to the workspace, used in diagnostics.
    public var file: String
    /// Tells whether a workspace-relative path names a regular file (for narrative references).
    public var fileExists: @Sendable (String) -> Bool

    public init(file: String = "controls.yaml", fileExists: @escaping @Sendable (String) -> Bool) {
        self.file = file
        self.fileExists = fileExists
    }

    public static let topLevelKeys = [
        "dossier", "organization", "system", "frameworks", "scope", "period", "as_of", "grace_days",
        "max_collection_lag_days", "evidence_commits", "exclusions", "controls",
    ]
    public static let controlKeys = [
        "id", "title", "description", "owner", "frequency", "criteria", "narrative", "status", "justification",
        "evidence",
    ]
    public static let evidenceKeys = ["path", "description", "frequency", "tests", "format", "collect"]

    /// Reads a control map, reporting every problem; what is valid is kept, so later steps can go on.
    public func load(_ bytes: [UInt8], into log: DiagnosticLog) -> ControlMap {
        var diagnostics: [Diagnostic] = []
        defer { log.report(diagnostics) }
        let parsed = YAMLParser.parse(bytes)
        diagnostics += parsed.problems.map { diagnostic(for: $0) }
        guard let root = parsed.root else {
            if parsed.problems.isEmpty {
                diagnostics.append(
                    .error(
                        .controlMapEmpty, "the control map is empty", file: file,
                        hint:
                            "start with `dossier: 1`, `organization:`, `system:` and a `controls:` list; `dossier init` writes a starter map"
                    ))
            }
            return ControlMap()
        }
        var map = ControlMap()
        guard var top = MappingReader(root, context: "the control map", file: file, diagnostics: &diagnostics) else {
            return map
        }
        readHeader(&top, into: &map)
        if let controls = top.value("controls") {
            map.controls = readControls(controls, &top.diagnostics, invalidIDs: &map.invalidControlIDs)
        } else {
            top.missing(
                "controls",
                hint: "add a `controls:` list; each control has id, title, owner, frequency, criteria, status")
        }
        top.finish(allowed: Self.topLevelKeys)
        diagnostics += top.diagnostics
        checkCrossReferences(map, &diagnostics)
        return map
    }

    // MARK: - Header

    private func readHeader(_ top: inout MappingReader, into map: inout ControlMap) {
        if let version = top.value("dossier") {
            if version.scalar != "1" || !version.isPlainScalar {
                top.diagnostics.append(
                    .error(
                        .controlMapUnsupportedFormat, "unsupported control map format \(version.describedValue)",
                        file: file, at: version.sourceMark,
                        hint: "this version of Dossier reads format 1: write `dossier: 1`"))
            }
        } else {
            top.missing("dossier", hint: "add `dossier: 1` (the format version) as the first line")
        }
        map.organization = top.string("organization", required: true, hint: "the legal name of the organisation") ?? ""
        map.system = top.string("system", required: true, hint: "the name of the system in scope") ?? ""
        if let frameworks = top.scalarList("frameworks") {
            map.frameworks = []
            for (name, mark) in frameworks {
                if name == SOC2Catalog.frameworkID {
                    map.frameworks.append(name)
                } else {
                    top.diagnostics.append(
                        .error(
                            .controlMapUnknownFramework, "unknown framework `\(name)`", file: file, at: mark,
                            hint: "the built-in catalog is `soc2`")
                    )
                }
            }
        }
        if let scope = top.scalarList("scope") {
            for (name, mark) in scope {
                if let category = TrustCategory(rawValue: name) {
                    map.scope.insert(category)
                } else {
                    let allowed = TrustCategory.allCases.map(\.rawValue)
                    top.diagnostics.append(
                        .error(
                            .controlMapUnknownScope, "unknown scope `\(name)`", file: file, at: mark,
                            hint: top.suggestion(name, allowed) ?? "one of: " + allowed.joined(separator: ", ")))
                }
            }
        }
        if let periodNode = top.value("period"), !periodNode.isNull,
            var period = MappingReader(periodNode, context: "`period`", file: file, diagnostics: &top.diagnostics)
        {
            let start = period.day("start", required: true)
            let end = period.day("end", required: true)
            period.finish(allowed: ["start", "end"])
            top.diagnostics += period.diagnostics
            if let (s, _) = start, let (e, endMark) = end {
                if s > e {
                    top.diagnostics.append(
                        .error(
                            .controlMapPeriodReversed, "the audit period ends (\(e)) before it starts (\(s))",
                            file: file, at: endMark,
                            hint: "swap `start` and `end`"))
                } else {
                    map.period = AuditPeriod(start: s, end: e)
                }
            }
        }
        map.asOf = top.day("as_of")?.0
        map.graceDays = top.integer("grace_days", range: 0...366) ?? 0
        map.maxCollectionLagDays = top.integer("max_collection_lag_days", range: 0...366) ?? 31
        map.evidenceCommits = top.choice("evidence_commits", required: false, as: EvidenceCommits.self) ?? .any
        if let node = top.value("exclusions"), !node.isNull {
            map.exclusions = readExclusions(node, &top.diagnostics)
        }
    }

    private func readExclusions(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [Exclusion] {
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    .schemaWrongType, "`exclusions` must be a list, found a \(node.kindName)", file: file,
                    at: node.sourceMark,
                    hint: "each item is `- criterion: CC6.4` with a `reason:`"))
            return []
        }
        var result: [Exclusion] = []
        var seen: [String: SourceMark] = [:]
        for item in items {
            guard var reader = MappingReader(item, context: "an exclusion", file: file, diagnostics: &diagnostics)
            else { continue }
            let criterion = reader.value("criterion")
            let reason = reader.string(
                "reason", required: true, hint: "say why the criterion does not apply; the auditor reads it")
            reader.finish(allowed: ["criterion", "reason"])
            diagnostics += reader.diagnostics
            guard let criterion else {
                diagnostics.append(
                    .error(
                        .schemaMissingKey, "an exclusion has no `criterion`", file: file, at: item.sourceMark,
                        hint: "for example `criterion: CC6.4`"))
                continue
            }
            guard let id = checkedCriterion(criterion, &diagnostics) else { continue }
            if let first = seen[id] {
                diagnostics.append(
                    .error(
                        .controlMapDuplicateExclusion,
                        "criterion \(id) is excluded twice (first at line \(first.line))", file: file,
                        at: criterion.sourceMark,
                        hint: "keep one exclusion per criterion"))
                continue
            }
            seen[id] = criterion.sourceMark
            if let reason { result.append(Exclusion(criterion: id, reason: reason)) }
        }
        return result
    }

    // MARK: - Controls

    private func readControls(
        _ node: YAMLNode, _ diagnostics: inout [Diagnostic], invalidIDs: inout Set<String>
    ) -> [Control] {
        guard let items = node.sequence else {
            if !node.isNull {
                diagnostics.append(
                    .error(
                        .schemaWrongType, "`controls` must be a list, found a \(node.kindName)", file: file,
                        at: node.sourceMark,
                        hint: "each control is an item starting with `- id:`"))
            }
            return []
        }
        var controls: [Control] = []
        var firstSeen: [String: SourceMark] = [:]
        for item in items {
            // Duplicates are found on the raw id, so a copy of an invalid control is still reported.
            if let id = item.value(forKey: "id")?.value.scalar {
                if let first = firstSeen[id] {
                    diagnostics.append(
                        .error(
                            .controlMapDuplicateControl,
                            "duplicate control id `\(id)` (first defined at line \(first.line), column \(first.column))",
                            file: file, at: item.sourceMark, hint: "control ids must be unique; rename one of them"))
                    _ = readControl(item, &diagnostics)  // still report what else is wrong with it
                    continue
                }
                firstSeen[id] = item.sourceMark
            }
            if let control = readControl(item, &diagnostics) {
                controls.append(control)
            } else if let id = item.value(forKey: "id")?.value.scalar {
                invalidIDs.insert(id)
            }
        }
        return controls
    }

    private func readControl(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> Control? {
        guard var r = MappingReader(node, context: "a control", file: file, diagnostics: &diagnostics) else {
            return nil
        }
        let idNode = r.value("id")
        let id = r.string("id", required: true, hint: "a short unique id such as `AC-001`")
        if let id, let idNode, !Self.isValidID(id) {
            r.diagnostics.append(
                .error(
                    .controlMapInvalidControlID, "control id `\(id)` has characters Dossier cannot use in page names",
                    file: file,
                    at: idNode.sourceMark,
                    hint: "use letters, digits, `.`, `_` and `-` only, starting with a letter or digit (e.g. `AC-001`)")
            )
        }
        if let id { r.context = "control \(id)" }
        let title = r.string("title", required: true, hint: "one line saying what the control does")
        let description = r.string("description", required: false)
        let owner = r.string("owner", required: true, hint: "who runs the control, e.g. `security@acme.example`")
        let frequency = r.choice("frequency", required: true, as: Frequency.self)
        let status = r.choice("status", required: true, as: Control.Status.self)
        let justification = r.string("justification", required: false)
        var criteria: [String] = []
        if let items = r.value("criteria"), !items.isNull {
            criteria = readCriteria(items, &r.diagnostics)
        } else {
            r.missing("criteria", hint: "list the SOC 2 criteria the control addresses, e.g. `criteria: [CC6.1]`")
        }
        var narrative: String?
        if let node = r.value("narrative"), !node.isNull {
            narrative = checkedNarrative(node, &r.diagnostics)
        }
        var evidence: [EvidenceRequirement] = []
        var namesEvidence = false
        if let node = r.value("evidence"), !node.isNull {
            evidence = readEvidence(node, &r.diagnostics)
            namesEvidence = node.sequence?.isEmpty == false
        }
        if status == .notApplicable && (justification ?? "").trimmingWhitespace().isEmpty {
            r.diagnostics.append(
                .error(
                    .controlMapMissingJustification, "control \(id ?? "") is not-applicable but has no justification",
                    file: file, at: node.sourceMark,
                    hint: "add `justification:` saying why it does not apply; auditors ask"))
        }
        // Paths that were rejected above are errors already; "names no evidence" would only repeat them.
        if status == .implemented && evidence.isEmpty && !namesEvidence {
            r.diagnostics.append(
                .warning(
                    .controlMapNoEvidence, "control \(id ?? "") is implemented but names no evidence", file: file,
                    at: node.sourceMark,
                    hint: "add an `evidence:` list; without it the control counts as ready on its owner's word alone"))
        }
        r.finish(allowed: Self.controlKeys)
        diagnostics += r.diagnostics
        // A missing or mistyped title or owner (`ownr:`) is reported above but keeps the control and every
        // valid field, so that references to it stay resolved; without a frequency or status it cannot be judged.
        guard let id, Self.isValidID(id), let frequency, let status else { return nil }
        return Control(
            id: id, title: title ?? "", description: description, owner: owner ?? "", frequency: frequency,
            criteria: criteria,
            narrative: narrative, status: status, justification: justification, evidence: evidence,
            mark: node.sourceMark)
    }

    private func readCriteria(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [String] {
        let items: [YAMLNode]
        if node.scalar != nil {
            items = [node]
        } else if let list = node.sequence {
            items = list
        } else {
            diagnostics.append(
                .error(
                    .schemaWrongType, "`criteria` must be a list of criterion ids, found a \(node.kindName)",
                    file: file,
                    at: node.sourceMark,
                    hint: "write it as `criteria: [CC6.1, CC6.2]`"))
            return []
        }
        var result: [String] = []
        for item in items {
            guard let id = checkedCriterion(item, &diagnostics) else { continue }
            if result.contains(id) {
                diagnostics.append(
                    .warning(
                        .controlMapDuplicateCriterion, "criterion \(id) is listed twice", file: file,
                        at: item.sourceMark, hint: "remove the repeat"))
                continue
            }
            result.append(id)
        }
        if items.isEmpty {
            diagnostics.append(
                .error(
                    .controlMapEmptyCriteria, "`criteria` is empty", file: file, at: node.sourceMark,
                    hint: "map the control to at least one criterion"))
        }
        return result
    }

    /// The criterion id of a scalar node, or nil with a diagnostic.
    private func checkedCriterion(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let text = node.scalar else {
            diagnostics.append(
                .error(
                    .schemaWrongType, "a criterion must be an id such as `CC6.1`, found a \(node.kindName)", file: file,
                    at: node.sourceMark,
                    hint: "write the id alone, e.g. `CC6.1`"))
            return nil
        }
        if SOC2Catalog.criterion(text) != nil { return text }
        let ids = SOC2Catalog.criteria.map(\.id)
        let hint: String
        if let exact = ids.first(where: { $0.lowercased() == text.lowercased() }) {
            hint = "criterion ids are case-sensitive: did you mean `\(exact)`?"
        } else if let near = ids.min(by: { text.editDistance(to: $0) < text.editDistance(to: $1) }),
            text.editDistance(to: near) <= 1
        {
            hint =
                "did you mean `\(near)`? The SOC 2 catalog has CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5 and P1.1–P8.1"
        } else {
            hint = "the SOC 2 catalog has CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5 and P1.1–P8.1"
        }
        diagnostics.append(
            .error(
                .controlMapUnknownCriterion, "unknown criterion `\(text)`", file: file, at: node.sourceMark, hint: hint)
        )
        return nil
    }

    private func checkedNarrative(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let path = node.scalar else {
            diagnostics.append(
                .error(
                    .schemaWrongType, "`narrative` must be a path, found a \(node.kindName)", file: file,
                    at: node.sourceMark,
                    hint: "write it as `narrative: narratives/access.md`"))
            return nil
        }
        if let problem = WorkspacePath.problem(with: path) {
            diagnostics.append(
                .error(
                    .controlMapInvalidPath, "narrative path `\(path)` \(problem)", file: file, at: node.sourceMark,
                    hint: "write a path relative to the workspace, e.g. `narratives/access.md`"))
            return nil
        }
        if !fileExists(path) {
            diagnostics.append(
                .error(
                    .controlMapMissingNarrative, "narrative `\(path)` does not exist", file: file, at: node.sourceMark,
                    hint: "create the file or correct the path (it is relative to the workspace)"))
            return nil
        }
        return path
    }

    private func readEvidence(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> [EvidenceRequirement] {
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    .schemaWrongType, "`evidence` must be a list, found a \(node.kindName)", file: file,
                    at: node.sourceMark,
                    hint: "each item is `- path: evidence/…` with an optional `description:` and `frequency:`"))
            return []
        }
        var result: [EvidenceRequirement] = []
        for item in items {
            var requirement: EvidenceRequirement
            var pathMark = item.sourceMark
            if let path = item.scalar {
                requirement = EvidenceRequirement(path: path, mark: item.sourceMark)
            } else {
                guard
                    var r = MappingReader(
                        item, context: "an evidence requirement", file: file, diagnostics: &diagnostics)
                else { continue }
                pathMark = r.value("path")?.sourceMark ?? item.sourceMark
                let path = r.string(
                    "path", required: true, hint: "a path or glob under the workspace, e.g. `evidence/access/*.csv`")
                let description = r.string("description", required: false)
                let frequency = r.choice("frequency", required: false, as: Frequency.self)
                let format = r.choice("format", required: false, as: EvidenceFormat.self)
                var tests = EvidenceTestReader(file: file)
                let testList = r.value("tests").flatMap { $0.isNull ? nil : tests.read($0) } ?? []
                var collectors = CollectorReader(file: file)
                let collectNode = r.value("collect")
                var collector: EvidenceCollector?
                if let collectNode, !collectNode.isNull, let path {
                    collector = collectors.read(collectNode, glob: path)
                }
                r.finish(allowed: Self.evidenceKeys)
                diagnostics += r.diagnostics + tests.diagnostics + collectors.diagnostics
                guard let path else { continue }
                requirement = EvidenceRequirement(
                    path: path, description: description, frequency: frequency, mark: item.sourceMark)
                requirement.tests = testList
                requirement.format = format
                requirement.collector = collector
            }
            if let problem = WorkspacePath.problem(with: requirement.path) {
                diagnostics.append(
                    .error(
                        .controlMapInvalidPath, "evidence path `\(requirement.path)` \(problem)", file: file,
                        at: pathMark,
                        hint: "write a path or glob relative to the workspace, e.g. `evidence/access/*.csv`"))
                continue
            }
            if let problem = Glob.syntaxProblem(requirement.path) {
                diagnostics.append(
                    .error(
                        .controlMapMalformedGlob, "evidence glob `\(requirement.path)` is malformed: \(problem)",
                        file: file, at: pathMark,
                        hint: "`*` and `?` match within a folder, `**` across folders, `[abc]` one of a set"))
                continue
            }
            result.append(requirement)
        }
        return result
    }

    // MARK: - Whole-map checks

    private func checkCrossReferences(_ map: ControlMap, _ diagnostics: inout [Diagnostic]) {
        for exclusion in map.exclusions {
            guard let criterion = SOC2Catalog.criterion(exclusion.criterion), map.scope.contains(criterion.category)
            else { continue }
            let mapped = map.controls.filter { $0.criteria.contains(exclusion.criterion) && $0.status == .implemented }
            if let control = mapped.first {
                diagnostics.append(
                    .warning(
                        .controlMapExcludedCriterionMapped,
                        "criterion \(exclusion.criterion) is excluded but implemented control \(control.id) maps to it",
                        file: file,
                        at: control.mark,
                        hint: "remove the exclusion or the mapping; the criterion is reported as excluded"))
            }
        }
    }

    static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64 else { return false }
        let isAlnum = { (b: UInt8) in (48...57).contains(b) || (65...90).contains(b) || (97...122).contains(b) }
        return isAlnum(first)
            && id.utf8.allSatisfy {
                isAlnum($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
            }
    }

    private func diagnostic(for problem: YAMLProblem) -> Diagnostic {
        Diagnostic(
            .error, DiagnosticCode(problem.kind), problem.message, file: file, line: problem.mark.line,
            column: problem.mark.column,
            hint: problem.hint ?? "fix the YAML syntax; Dossier reads one YAML document")
    }
}
