import DossierYAML

/// Reads `collect:` on an evidence requirement. Every mistake is a diagnostic at its line and column; a
/// collector with any error is left out (the requirement stays), so `dossier collect` never runs half a
/// definition.
struct CollectorReader {
    static let keys = ["run", "shell", "output", "writes", "timeout", "env"]
    static let maxTimeoutSeconds = 24 * 3600

    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// The collector for the requirement whose glob is `glob`; nil when it is malformed.
    mutating func read(_ node: YAMLNode, glob: String) -> EvidenceCollector? {
        guard var r = MappingReader(node, context: "`collect`", file: file, diagnostics: &diagnostics) else {
            return nil
        }
        defer { diagnostics += r.diagnostics }
        let shell = readShell(&r)
        let run = readRun(&r, shell: shell)
        let outputNode = r.value("output")
        let output = r.string(
            "output", required: true, hint: "where the output goes, e.g. `evidence/infra/INF-002/policy-{date}.json`")
        if let output, let outputNode { checkOutput(output, glob: glob, at: outputNode.sourceMark, &r.diagnostics) }
        var writes: String?
        if let node = r.value("writes"), !node.isNull {
            writes = r.string("writes", required: true)
            if let path = writes, let problem = WorkspacePath.problem(with: path) {
                r.diagnostics.append(
                    .error(
                        .controlMapInvalidPath, "`writes` path `\(path)` \(problem)", file: file, at: node.sourceMark,
                        hint: "the file the command writes, relative to the workspace, e.g. `build/report.csv`"))
            }
        }
        let timeout = readTimeout(&r)
        let environment = readEnvironment(&r)
        r.finish(allowed: Self.keys)
        guard !r.diagnostics.hasErrors, let run, let output else { return nil }
        return EvidenceCollector(
            run: run, shell: shell, output: output, writes: writes, timeoutSeconds: timeout,
            environment: environment, mark: node.sourceMark)
    }

    private func readShell(_ r: inout MappingReader) -> Bool {
        guard let node = r.value("shell"), !node.isNull else { return false }
        guard node.isPlainScalar, let text = node.scalar, text == "true" || text == "false" else {
            r.diagnostics.append(
                .error(
                    .schemaNotAllowed, "`shell` must be `true` or `false`, found \(node.describedValue)", file: file,
                    at: node.sourceMark, hint: "write `shell: true` to run `run` with /bin/sh -c"))
            return false
        }
        return text == "true"
    }

    private func readRun(_ r: inout MappingReader, shell: Bool) -> [String]? {
        guard let node = r.value("run"), !node.isNull else {
            r.missing(
                "run", hint: "the command as a list of words, e.g. `run: [aws, iam, get-account-password-policy]`")
            return nil
        }
        var words: [String] = []
        if let text = node.scalar {
            guard shell else {
                r.diagnostics.append(
                    .error(
                        .controlMapCollectCommand, "`run` is one string but `shell: true` is not written", file: file,
                        at: node.sourceMark,
                        hint:
                            "write the words as a list, `run: [aws, iam, get-account-password-policy]`, or add `shell: true` to run it with /bin/sh -c"
                    ))
                return nil
            }
            words = [text]
        } else if let items = node.sequence {
            for item in items {
                guard let text = item.scalar else {
                    r.diagnostics.append(
                        .error(
                            .schemaWrongType, "each word of `run` must be a plain value, found a \(item.kindName)",
                            file: file, at: item.sourceMark, hint: "quote a word that holds `: ` or `#`"))
                    return nil
                }
                words.append(text)
            }
        } else {
            r.typeError("run", node, expected: "a list")
            return nil
        }
        guard let first = words.first, !first.trimmingWhitespace().isEmpty else {
            r.diagnostics.append(
                .error(
                    .controlMapCollectCommand, "`run` names no program", file: file, at: node.sourceMark,
                    hint:
                        "the first word is the program, e.g. `run: [gh, api, repos/acme/app/branches/main/protection]`"
                ))
            return nil
        }
        return words
    }

    private func checkOutput(_ output: String, glob: String, at mark: SourceMark, _ diagnostics: inout [Diagnostic]) {
        for name in output.placeholderNames where !EvidenceCollector.placeholders.contains(name) {
            diagnostics.append(
                .error(
                    .controlMapCollectPlaceholder, "unknown placeholder `{\(name)}` in `output`", file: file, at: mark,
                    hint: "the placeholders are {date} (the collection day, UTC), {datetime} and {control}"))
            return
        }
        // Two instants far apart and an id: the output must match the glob whatever the day.
        let samples = [0, 1_790_000_000].map { EvidenceCollector.fill(output, control: "C-1", at: $0) }
        if let problem = WorkspacePath.problem(with: samples[1]) {
            diagnostics.append(
                .error(
                    .controlMapInvalidPath, "`output` path `\(output)` \(problem)", file: file, at: mark,
                    hint: "a path relative to the workspace, e.g. `evidence/infra/INF-002/policy-{date}.json`"))
            return
        }
        if !output.placeholderNames.contains(where: { $0 == "date" || $0 == "datetime" }) {
            diagnostics.append(
                .warning(
                    .controlMapCollectFixedOutput,
                    "`output` `\(output)` has no {date} or {datetime}: once the file exists, collect never writes it again",
                    file: file, at: mark,
                    hint: "put {date} in the name (the glob's `*`), so each collection is a new file"))
        }
        let pattern = Glob(glob)
        if !samples.allSatisfy({ pattern.matches(Array($0.utf8)) }) {
            diagnostics.append(
                .error(
                    .controlMapCollectOutsideGlob,
                    "`output` `\(output)` does not match the requirement's path `\(glob)`",
                    file: file, at: mark,
                    hint:
                        "collected files must be found by the requirement: write `output` under the glob, with {date} where the glob has `*`"
                ))
        }
    }

    private func readTimeout(_ r: inout MappingReader) -> Int {
        guard let node = r.value("timeout"), !node.isNull else { return EvidenceCollector.defaultTimeoutSeconds }
        guard let text = node.scalar, let seconds = Self.seconds(text), (1...Self.maxTimeoutSeconds).contains(seconds)
        else {
            r.diagnostics.append(
                .error(
                    .controlMapCollectTimeout,
                    "`timeout` must be a duration such as `120s` or `5m`, found \(node.describedValue)",
                    file: file, at: node.sourceMark,
                    hint: "seconds (`90s` or `90`), minutes (`5m`) or hours (`1h`), at most 24 hours"))
            return EvidenceCollector.defaultTimeoutSeconds
        }
        return seconds
    }

    static func seconds(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600]
        var digits = Substring(text)
        var unit = 1
        if let last = text.last, let factor = units[last] {
            unit = factor
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(digits)
        else { return nil }
        return number * unit
    }

    private func readEnvironment(_ r: inout MappingReader) -> [String] {
        guard let names = r.scalarList("env") else { return [] }
        var result: [String] = []
        for (name, mark) in names {
            let valid =
                name.utf8.first.map { !(48...57).contains($0) } == true
                && name.utf8.allSatisfy {
                    (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) || $0 == 95
                }
            guard valid else {
                r.diagnostics.append(
                    .error(
                        .controlMapCollectVariable, "`\(name)` is not an environment variable name", file: file,
                        at: mark, hint: "name variables only (`AWS_PROFILE`); values come from the environment"))
                continue
            }
            if !result.contains(name) { result.append(name) }
        }
        return result
    }
}
