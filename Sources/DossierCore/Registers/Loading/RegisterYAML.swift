import DossierYAML

/// What the register loaders share: parsing a register file, its `dossier: 1` header, ids, evidence globs and
/// control or criterion references, each mistake a diagnostic with the file's line and column.
struct RegisterYAML {
    let file: String
    /// Ids of every control in the map, and of those dropped because they failed validation (references to
    /// those are not reported: the map's own error says what is wrong).
    let controlIDs: Set<String>
    let invalidControlIDs: Set<String>

    /// The top-level mapping of `bytes`, or nil with diagnostics; `what` names the register in messages.
    func root(_ bytes: [UInt8], what: String, example: String, _ diagnostics: inout [Diagnostic]) -> YAMLNode? {
        let parsed = YAMLParser.parse(bytes)
        diagnostics += parsed.problems.map {
            Diagnostic(
                .error, DiagnosticCode($0.kind), $0.message, file: file, line: $0.mark.line, column: $0.mark.column,
                hint: $0.hint ?? "fix the YAML syntax; Dossier reads one YAML document")
        }
        guard let root = parsed.root, !root.isNull else {
            if parsed.problems.isEmpty {
                diagnostics.append(
                    .error(
                        .registerEmpty, "\(file) is empty: it holds no \(what)", file: file,
                        hint: "start with `dossier: 1` and \(example), or delete the file"))
            }
            return nil
        }
        return root
    }

    /// Checks `dossier: 1`.
    func header(_ reader: inout MappingReader) {
        if let version = reader.value("dossier") {
            if version.scalar != "1" || !version.isPlainScalar {
                reader.diagnostics.append(
                    .error(
                        .registerUnsupportedFormat, "unsupported register format \(version.describedValue)",
                        file: file, at: version.sourceMark,
                        hint: "this version of Dossier reads format 1: write `dossier: 1`"))
            }
        } else {
            reader.missing("dossier", hint: "add `dossier: 1` (the format version) as the first line")
        }
    }

    /// The items of a top-level list, or [] with a diagnostic when it is something else.
    func list(_ node: YAMLNode?, key: String, hint: String, _ diagnostics: inout [Diagnostic]) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard let items = node.sequence else {
            diagnostics.append(
                .error(
                    .schemaWrongType, "`\(key)` must be a list, found a \(node.kindName)", file: file,
                    at: node.sourceMark, hint: hint))
            return []
        }
        return items
    }

    /// A required id that can name a page anchor, reported when malformed or repeated (`seen` keeps the first).
    func id(
        _ reader: inout MappingReader, kind: String, example: String, seen: inout [String: SourceMark]
    ) -> String? {
        let node = reader.value("id")
        guard let id = reader.string("id", required: true, hint: "a short unique id such as `\(example)`"),
            let node
        else { return nil }
        if !ControlMapLoader.isValidID(id) {
            reader.diagnostics.append(
                .error(
                    .registerInvalidID, "\(kind) id `\(id)` has characters Dossier cannot use in page names",
                    file: file, at: node.sourceMark,
                    hint:
                        "use letters, digits, `.`, `_` and `-` only, starting with a letter or digit (e.g. `\(example)`)"
                ))
            return nil
        }
        if let first = seen[id] {
            reader.diagnostics.append(
                .error(
                    .registerDuplicateID,
                    "duplicate \(kind) id `\(id)` (first defined at line \(first.line), column \(first.column))",
                    file: file, at: node.sourceMark, hint: "\(kind) ids must be unique; rename one of them"))
            return nil
        }
        seen[id] = node.sourceMark
        return id
    }

    /// An evidence path or glob, or nil with a diagnostic when it leaves the workspace or does not parse.
    func evidencePath(_ reader: inout MappingReader, _ key: String, required: Bool, example: String) -> String? {
        let mark = reader.node.value(forKey: key)?.value.sourceMark
        guard let path = reader.string(key, required: required, hint: "an evidence glob, e.g. `\(example)`")
        else { return nil }
        return isValidPath(path, at: mark, example: example, &reader.diagnostics) ? path : nil
    }

    /// Whether `path` is a glob inside the workspace that parses; reported when not.
    func isValidPath(_ path: String, at mark: SourceMark?, example: String, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard let problem = WorkspacePath.problem(with: path) ?? Glob.syntaxProblem(path).map({ "is malformed: \($0)" })
        else { return true }
        diagnostics.append(
            .error(
                .registerInvalidPath, "evidence path `\(path)` \(problem)", file: file, at: mark,
                hint: "write a path or glob relative to the workspace, e.g. `\(example)`"))
        return false
    }

    /// Control ids that exist in the control map; unknown ones are reported.
    func controls(_ reader: inout MappingReader, _ key: String) -> [String] {
        var result: [String] = []
        for (id, mark) in reader.scalarList(key) ?? [] {
            if controlIDs.contains(id) {
                if !result.contains(id) { result.append(id) }
            } else if !invalidControlIDs.contains(id) {
                let near = controlIDs.sorted().min { id.editDistance(to: $0) < id.editDistance(to: $1) }
                reader.diagnostics.append(
                    .error(
                        .registerUnknownControl, "unknown control `\(id)`", file: file, at: mark,
                        hint: near.flatMap { id.editDistance(to: $0) <= 2 ? "did you mean `\($0)`?" : nil }
                            ?? "list ids of controls in controls.yaml"))
            }
        }
        return result
    }

    /// Criterion ids of the SOC 2 catalog; unknown ones are reported.
    func criteria(_ reader: inout MappingReader, _ key: String) -> [String] {
        var result: [String] = []
        let ids = SOC2Catalog.criteria.map(\.id)
        for (id, mark) in reader.scalarList(key) ?? [] {
            if SOC2Catalog.criterion(id) != nil {
                if !result.contains(id) { result.append(id) }
                continue
            }
            let near = ids.min { id.editDistance(to: $0) < id.editDistance(to: $1) }
            reader.diagnostics.append(
                .error(
                    .registerUnknownCriterion, "unknown criterion `\(id)`", file: file, at: mark,
                    hint: near.flatMap {
                        id.lowercased() == $0.lowercased() || id.editDistance(to: $0) <= 1
                            ? "did you mean `\($0)`?" : nil
                    }
                        ?? "the SOC 2 catalog has CC1.1–CC9.2, A1.1–A1.3, C1.1–C1.2, PI1.1–PI1.5 and P1.1–P8.1"))
        }
        return result
    }

    /// `likelihood` and `impact` of `reader`, each 1…5 (reported when out of range or missing).
    func score(_ reader: inout MappingReader) -> RiskScore? {
        var values: [Int] = []
        for key in ["likelihood", "impact"] {
            if reader.node.value(forKey: key) == nil || reader.node.value(forKey: key)?.value.isNull == true {
                _ = reader.value(key)
                reader.missing(key, hint: "a whole number from 1 (rare, minor) to 5 (almost certain, severe)")
            } else if let value = reader.integer(key, range: RiskScore.range) {
                values.append(value)
            }
        }
        return values.count == 2 ? RiskScore(likelihood: values[0], impact: values[1]) : nil
    }
}
