import DossierYAML

/// Reads the `tests:` list of an evidence requirement in `controls.yaml`. Every malformed test (unknown kind or
/// option, a regex outside the linear subset, a bad `from` glob, a wrong type) is a diagnostic at its
/// line and column with a hint; the test is then left out, and the map is invalid.
struct EvidenceTestReader {
    static let kinds = ["columns", "rows", "every", "none", "share", "unique", "covers", "json", "text"]
    static let conditionKeys = ["equals", "in", "matches", "min", "max", "not_empty", "within_days"]

    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func read(_ node: YAMLNode) -> [EvidenceTest] {
        guard let items = node.sequence else {
            error(
                .schemaWrongType, "`tests` must be a list, found a \(node.kindName)", node,
                hint: "write each test as `- every: {column: mfa_enrolled, equals: \"true\"}`")
            return []
        }
        return items.compactMap { readTest($0) }
    }

    private mutating func readTest(_ item: YAMLNode) -> EvidenceTest? {
        guard let pairs = item.mapping, pairs.count == 1, let kind = pairs[0].key.scalar else {
            error(
                .evidenceTestMalformed, "a test must be one `kind: options` pair, found \(item.describedValue)", item,
                hint: "test kinds: " + Self.kinds.joined(separator: ", "))
            return nil
        }
        let options = pairs[0].value
        let definition = "\(kind): \(Self.flow(options))"
        let mark = pairs[0].key.sourceMark
        guard Self.kinds.contains(kind) else {
            let near = Self.kinds.min { kind.editDistance(to: $0) < kind.editDistance(to: $1) }!
            error(
                .evidenceTestUnknownKind, "unknown test kind `\(kind)`", pairs[0].key,
                hint: kind.editDistance(to: near) <= 2
                    ? "did you mean `\(near)`?" : "test kinds: " + Self.kinds.joined(separator: ", "))
            return nil
        }
        let parsed: EvidenceTest.Kind?
        var found: [Diagnostic] = []
        defer { diagnostics += found }
        switch kind {
        case "columns": parsed = columns(options, into: &found)
        case "unique":
            if let name = options.scalar, !options.isNull {
                parsed = .unique(column: name)
            } else {
                parsed = withOptions(options, kind, allowed: ["column"], into: &found) { r in
                    r.string("column", required: true).map { .unique(column: $0) }
                }
            }
        case "rows":
            parsed = withOptions(options, kind, allowed: ["at", "min", "max"], into: &found) { r in
                let at = pointer(&r, "at")
                let min = r.integer("min", range: 0...Int.max)
                let max = r.integer("max", range: 0...Int.max)
                if min == nil && max == nil { r.missing("min", hint: "give `min:`, `max:` or both") }
                return .rows(at: at ?? nil, min: min, max: max)
            }
        case "every", "none", "share": parsed = subjectTest(options, kind, into: &found)
        case "covers":
            parsed = withOptions(options, kind, allowed: ["column", "from", "column_there"], into: &found) { r in
                let column = r.string("column", required: true, hint: "the column of this file that must hold them")
                let fromNode = r.value("from")
                let from = r.string(
                    "from", required: true,
                    hint: "a glob naming the reference file, e.g. `evidence/people/roster-*.csv`")
                let there = r.string("column_there", required: false)
                if let from, let fromNode {
                    if let problem = WorkspacePath.problem(with: from) ?? Glob.syntaxProblem(from) {
                        r.diagnostics.append(
                            .error(
                                .evidenceTestBadGlob, "`from` glob `\(from)` is malformed: \(problem)", file: file,
                                at: fromNode.sourceMark,
                                hint:
                                    "a path or glob relative to the workspace; `*` within a folder, `**` across folders"
                            ))
                        return nil
                    }
                }
                guard let column, let from else { return nil }
                return .covers(column: column, from: from, columnThere: there ?? column)
            }
        case "json":
            parsed = withOptions(options, kind, allowed: ["at"] + Self.conditionKeys, into: &found) { r in
                guard let at = pointer(&r, "at", required: true) ?? nil else { return nil }
                guard let conditions = conditions(&r, required: true) else { return nil }
                return .json(at: at, conditions)
            }
        default:
            parsed = withOptions(options, kind, allowed: ["contains", "lacks", "matches"], into: &found) { r in
                let contains = r.string("contains", required: false)
                let lacks = r.string("lacks", required: false)
                let matches = regex(&r, "matches")
                let given = [contains != nil, lacks != nil, r.value("matches") != nil].filter { $0 }.count
                guard given == 1 else {
                    r.diagnostics.append(
                        .error(
                            .evidenceTestBadOptions,
                            "a `text` test takes exactly one of contains, lacks, matches (found \(given))", file: file,
                            at: options.sourceMark, hint: "write one `text:` test per check"))
                    return nil
                }
                if let contains { return .text(.contains(contains)) }
                if let lacks { return .text(.lacks(lacks)) }
                return (matches ?? nil).map { .text(.matches($0)) }
            }
        }
        return parsed.map { EvidenceTest(kind: $0, definition: definition, mark: mark) }
    }

    // MARK: - Kinds

    private func columns(_ options: YAMLNode, into found: inout [Diagnostic]) -> EvidenceTest.Kind? {
        if let name = options.scalar, !options.isNull { return .columns([name]) }
        guard let items = options.sequence, !items.isEmpty, items.allSatisfy({ $0.scalar != nil }) else {
            found.append(
                .error(
                    .schemaWrongType, "`columns` must be a list of header names", file: file, at: options.sourceMark,
                    hint: "for example `columns: [user, email]`"))
            return nil
        }
        return .columns(items.compactMap(\.scalar).map { $0.trimmingWhitespace() })
    }

    private func subjectTest(_ options: YAMLNode, _ kind: String, into found: inout [Diagnostic])
        -> EvidenceTest.Kind?
    {
        let allowed = ["column", "at", "where"] + Self.conditionKeys
        return withOptions(options, kind, allowed: allowed, into: &found) { r in
            let share: Double?
            if kind == "share" {
                guard let v = r.value("min"), let text = v.scalar, let n = Double(text), (0...1).contains(n) else {
                    r.diagnostics.append(
                        .error(
                            .schemaMissingKey,
                            "`share` needs `min:`, the least fraction of rows (0 to 1) that must satisfy it",
                            file: file,
                            at: r.node.sourceMark, hint: "for example `min: 0.95`"))
                    return nil
                }
                share = n
            } else {
                share = nil
            }
            let column = r.string("column", required: false)
            let at = pointer(&r, "at") ?? nil
            var inner: JSONPointer?
            var found: [TestCondition]?
            if let whereNode = r.value("where"), !whereNode.isNull {
                guard at != nil else {
                    r.diagnostics.append(
                        .error(
                            .evidenceTestBadOptions, "`where` only applies with `at` (the elements of a JSON array)",
                            file: file,
                            at: whereNode.sourceMark, hint: "write `at: /Items, where: {at: /Field, equals: …}`"))
                    return nil
                }
                guard var w = MappingReader(whereNode, context: "`where`", file: file, diagnostics: &r.diagnostics)
                else { return nil }
                inner = pointer(&w, "at") ?? nil
                found = conditions(&w, required: true, excludingMin: false)
                w.finish(allowed: ["at"] + Self.conditionKeys)
                r.diagnostics += w.diagnostics
                if conditions(&r, required: false, excludingMin: kind == "share")?.isEmpty == false {
                    r.diagnostics.append(
                        .error(
                            .evidenceTestBadOptions, "conditions go inside `where` when it is given", file: file,
                            at: whereNode.sourceMark,
                            hint: "move them into `where: {…}`"))
                    return nil
                }
            } else {
                found = conditions(&r, required: true, excludingMin: kind == "share")
            }
            guard (column == nil) != (at == nil) else {
                r.diagnostics.append(
                    .error(
                        .evidenceTestBadOptions,
                        "`\(kind)` needs either `column:` (CSV/TSV) or `at:` (a JSON array), not \(column == nil ? "neither" : "both")",
                        file: file, at: r.node.sourceMark,
                        hint: "for example `\(kind): {column: status, equals: active}`"))
                return nil
            }
            guard let found else { return nil }
            let subject: TestSubject = column.map { .column($0) } ?? .elements(at: at!, inner: inner)
            switch kind {
            case "every": return .every(subject, found)
            case "none": return .none(subject, found)
            default: return .share(subject, found, min: share!)
            }
        }
    }

    // MARK: - Pieces

    /// Reads a test's option mapping with `body`; nil (and the reasons, in `found`) when anything is wrong.
    private func withOptions(
        _ node: YAMLNode, _ kind: String, allowed: [String], into found: inout [Diagnostic],
        _ body: (inout MappingReader) -> EvidenceTest.Kind?
    ) -> EvidenceTest.Kind? {
        guard var r = MappingReader(node, context: "the `\(kind)` test", file: file, diagnostics: &found) else {
            return nil
        }
        let result = body(&r)
        r.finish(allowed: allowed)
        found += r.diagnostics
        return r.diagnostics.hasErrors ? nil : result
    }

    /// `.some(nil)` when absent, nil (with a diagnostic) when malformed.
    private func pointer(_ r: inout MappingReader, _ key: String, required: Bool = false) -> JSONPointer?? {
        guard let v = r.value(key), !v.isNull else {
            if required { r.missing(key, hint: "a JSON Pointer such as `/MinimumPasswordLength`") }
            return required ? nil : .some(nil)
        }
        guard let text = v.scalar, let pointer = JSONPointer(text) else {
            r.diagnostics.append(
                .error(
                    .evidenceTestBadPointer, "`\(key)` must be a JSON Pointer (RFC 6901), found \(v.describedValue)",
                    file: file,
                    at: v.sourceMark,
                    hint: "start it with `/`, e.g. `/Buckets/0/Encrypted`; write `~1` for `/` and `~0` for `~` in names"
                ))
            return nil
        }
        return .some(pointer)
    }

    private func regex(_ r: inout MappingReader, _ key: String) -> LinearRegex?? {
        guard let v = r.value(key), !v.isNull else { return .some(nil) }
        guard let text = v.scalar else {
            r.typeError(key, v, expected: "a string")
            return nil
        }
        do {
            return .some(try LinearRegex(text))
        } catch {
            r.diagnostics.append(
                .error(
                    .evidenceTestBadRegex, "regex `\(text)` does not compile: \(error.message)", file: file,
                    at: v.sourceMark,
                    hint:
                        "Dossier's regexes run in linear time: literals, `.`, `[a-z]`, `\\d \\w \\s`, groups, `|`, `* + ?`, `{n,m}`; quote the pattern in YAML"
                ))
            return nil
        }
    }

    /// The conditions written in `r`; nil (with a diagnostic) when one is malformed or none is given but needed.
    private func conditions(_ r: inout MappingReader, required: Bool, excludingMin: Bool = false)
        -> [TestCondition]?
    {
        var result: [TestCondition] = []
        var ok = true
        if let v = r.value("equals") {
            if let literal = literal(v) { result.append(.equals(literal)) } else { ok = false }
        }
        if let v = r.value("in"), !v.isNull {
            let items = v.sequence ?? []
            let literals = items.compactMap(literal)
            if v.sequence == nil || literals.count != items.count || items.isEmpty {
                r.diagnostics.append(
                    .error(
                        .schemaWrongType, "`in` must be a list of plain values", file: file, at: v.sourceMark,
                        hint: "for example `in: [SUSPENDED, LOCKED_OUT]`"))
                ok = false
            } else {
                result.append(.oneOf(literals))
            }
        }
        switch regex(&r, "matches") {
        case .some(.some(let regex)): result.append(.matches(regex))
        case .some(.none): break
        case .none: ok = false
        }
        for key in excludingMin ? ["max"] : ["min", "max"] {
            guard let v = r.value(key), !v.isNull else { continue }
            guard let text = v.scalar, v.isPlainScalar, let n = Double(text), n.isFinite else {
                r.diagnostics.append(
                    .error(
                        .schemaNotANumber, "`\(key)` must be a number, found \(v.describedValue)", file: file,
                        at: v.sourceMark,
                        hint: "for example `\(key): 14`"))
                ok = false
                continue
            }
            result.append(key == "min" ? .min(n) : .max(n))
        }
        if let v = r.value("not_empty"), !v.isNull {
            guard v.scalar == "true" && v.isPlainScalar else {
                r.diagnostics.append(
                    .error(
                        .schemaNotAllowed, "`not_empty` can only be `true`", file: file, at: v.sourceMark,
                        hint: "write `not_empty: true`, or leave it out"))
                return nil
            }
            result.append(.notEmpty)
        }
        if let days = r.integer("within_days", range: 0...36_500) { result.append(.withinDays(days)) }
        guard ok else { return nil }
        if required && result.isEmpty {
            r.missing(
                "equals",
                hint: "give a condition: "
                    + Self.conditionKeys.filter { !excludingMin || $0 != "min" }
                    .joined(separator: ", "))
            return nil
        }
        return result
    }

    private func literal(_ node: YAMLNode) -> TestLiteral? {
        guard let text = node.scalar else { return nil }
        return TestLiteral(text: text, value: JSONValue.yamlScalar(text, plain: node.isPlainScalar && node.tag == nil))
    }

    private mutating func error(_ code: DiagnosticCode, _ message: String, _ node: YAMLNode, hint: String) {
        diagnostics.append(.error(code, message, file: file, at: node.sourceMark, hint: hint))
    }

    /// A node as one line of YAML flow syntax: keys in file order, quoted scalars kept quoted.
    static func flow(_ node: YAMLNode) -> String {
        switch node.value {
        case .scalar(let text, let style):
            if style == .plain { return text }
            var quoted = "\""
            for s in text.unicodeScalars {
                switch s {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\n": quoted += "\\n"
                default: quoted.unicodeScalars.append(s)
                }
            }
            return quoted + "\""
        case .sequence(let items):
            return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\(flow($0.key)): \(flow($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
