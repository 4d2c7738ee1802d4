import DossierMarkdown
import DossierYAML

/// Finds and reads `policies/**/*.md`: each file's front matter (id, owner, version, approval, review cycle,
/// criteria, acknowledgement) and its text, which is checked later like a narrative's.
struct PolicyLoader {
    static let keys = [
        "id", "title", "owner", "version", "approved_by", "approved", "review", "criteria", "acknowledgement",
    ]
    /// More policies than any programme has; stops a runaway folder from stalling a run.
    static let maxPolicies = 1_000

    let workspace: Workspace
    let controlIDs: Set<String>
    var limits = MarkdownLimits()

    func load(into log: DiagnosticLog) -> [Policy] {
        var policies: [Policy] = []
        var seen: [String: String] = [:]
        for path in discover(log).sorted() {
            guard let bytes = read(path, log) else { continue }
            guard let policy = parse(path, bytes: bytes, log) else { continue }
            if let first = seen[policy.id] {
                log.report(
                    .error(
                        .registerDuplicateID, "duplicate policy id `\(policy.id)` (first used by \(first))", file: path,
                        at: policy.mark, hint: "policy ids must be unique; renumber one of them"))
                continue
            }
            seen[policy.id] = path
            policies.append(policy)
        }
        return policies
    }

    // MARK: - Finding and reading

    /// Workspace-relative paths of the `*.md` files under `policies/`, without following links.
    func discover(_ log: DiagnosticLog) -> [String] {
        var found: [String] = []
        var queue = [Policy.folder]
        while let relative = queue.popLast() {
            guard let names = workspace.files.list(relative) else { continue }
            for name in names where !name.hasPrefix(".") {
                let child = relative + "/" + name
                guard let type = workspace.files.kind(child) else { continue }
                if type == .folder {
                    queue.append(child)
                } else if name.lowercased().hasSuffix(".md") && name != "README.md" {
                    if type == .link {
                        log.report(
                            Diagnostic(
                                .warning, .policySymlink, "policy is a symbolic link and is skipped", file: child,
                                hint: "commit the Markdown file itself; Dossier never follows links"))
                    } else if type == .file {
                        found.append(child)
                    }
                }
                if found.count > Self.maxPolicies {
                    log.report(
                        Diagnostic(
                            .error, .policyTooMany, "more than \(Self.maxPolicies) policies under \(Policy.folder)/",
                            file: Policy.folder, hint: "keep one file per policy"))
                    return found
                }
            }
        }
        return found
    }

    private func read(_ path: String, _ log: DiagnosticLog) -> [UInt8]? {
        do {
            let file = try workspace.files.open(Array(path.utf8))
            guard file.size <= Int64(limits.maxBytes) else {
                let error = MarkdownError.tooLarge(bytes: Int(file.size), limit: limits.maxBytes)
                log.report(Diagnostic(.error, .narrativeMarkdown, error.description, file: path, hint: error.hint))
                return nil
            }
            return try file.prefix(limits.maxBytes + 1)
        } catch {
            log.report(
                Diagnostic(
                    .error, .registerUnreadable, "policy \(error)", file: path,
                    hint: "make it a regular, readable file in the workspace"))
            return nil
        }
    }

    // MARK: - Parsing

    /// The policy in `bytes`, or nil (with diagnostics) when its front matter lacks what a policy needs.
    /// Touches no file.
    func parse(_ path: String, bytes: [UInt8], _ log: DiagnosticLog) -> Policy? {
        let text: String
        do {
            text = try MarkdownSource.decodeUTF8(bytes)
        } catch {
            let (line, column) = error.position
            log.report(
                Diagnostic(
                    .error, .narrativeMarkdown, error.description, file: path, line: line, column: column,
                    hint: error.hint))
            return nil
        }
        let split = MarkdownSource.splitFrontMatter(text)
        guard let yaml = split.frontMatter else {
            log.report(
                Diagnostic(
                    .error, .policyNoFrontMatter, "policy has no front matter", file: path, line: 1, column: 1,
                    hint:
                        "start the file with `---`, then id, title, owner, version, approved_by, approved, review, and `---`"
                ))
            return nil
        }
        // `TODO`s in the text, as in a narrative; placeholder owners are counted once for all policies.
        log.report(
            NarrativePlaceholders.check(
                path: path, frontMatter: nil, body: split.body, bodyFirstLine: split.bodyFirstLine))
        var diagnostics: [Diagnostic] = []
        let shift = 1  // the YAML starts on the file's second line, after `---`
        let parsed = YAMLParser.parse(yaml)
        for problem in parsed.problems {
            diagnostics.append(
                Diagnostic(
                    .error, DiagnosticCode(problem.kind), "front matter: \(problem.message)", file: path,
                    line: problem.mark.line + shift, column: problem.mark.column,
                    hint: problem.hint ?? "front matter is YAML between two `---` lines"))
        }
        var found: [Diagnostic] = []
        var policy: Policy?
        if let root = parsed.root, !root.isNull,
            var r = MappingReader(root, context: "the policy's front matter", file: path, diagnostics: &found)
        {
            policy = read(&r, path: path, body: split.body, bodyFirstLine: split.bodyFirstLine)
            found += r.diagnostics
        } else if parsed.problems.isEmpty {
            found.append(
                .error(
                    .policyNoFrontMatter, "policy front matter is empty", file: path,
                    at: SourceMark(line: 1, column: 1),
                    hint: "write id, title, owner, version, approved_by, approved and review between the `---` lines"))
        }
        diagnostics += found.map { d in
            var d = d
            if d.file == path, d.code != .policyNoFrontMatter { d.line = d.line.map { $0 + shift } }
            return d
        }
        log.report(diagnostics)
        return diagnostics.hasErrors ? nil : policy
    }

    private func read(_ r: inout MappingReader, path: String, body: String, bodyFirstLine: Int) -> Policy? {
        var seen: [String: SourceMark] = [:]
        let yaml = RegisterYAML(file: path, controlIDs: controlIDs, invalidControlIDs: [])
        let idMark = r.node.value(forKey: "id")?.value.sourceMark ?? r.node.sourceMark
        let id = yaml.id(&r, kind: "policy", example: "POL-001", seen: &seen)
        if let id { r.context = "policy \(id)" }
        let title = r.string("title", required: true, hint: "the policy's name, e.g. `Information Security Policy`")
        let owner = r.string("owner", required: true, hint: "who maintains the policy, e.g. `security@acme.example`")
        let version = r.string("version", required: true, hint: "the approved version, quoted: `version: \"1.0\"`")
        // A draft names neither; an approval names both.
        let isDraft = r.node.value(forKey: "approved") == nil && r.node.value(forKey: "approved_by") == nil
        let approvedBy = r.string("approved_by", required: !isDraft, hint: "who approved this version")
        let approved = r.day("approved", required: !isDraft)?.0
        let review = r.choice("review", required: true, as: Frequency.self)
        let criteria = yaml.criteria(&r, "criteria")
        var acknowledgement: EvidenceRequirement?
        if let node = r.value("acknowledgement"), !node.isNull {
            acknowledgement = readAcknowledgement(node, yaml: yaml, &r.diagnostics)
        }
        r.finish(allowed: Self.keys)
        guard let id, let title, let owner, let version, let review else { return nil }
        guard isDraft || (approvedBy != nil && approved != nil) else { return nil }
        var frontMatter = NarrativeFrontMatter()
        frontMatter.title = title
        frontMatter.owner = owner
        frontMatter.version = version
        frontMatter.approvedBy = approvedBy
        let document = Narrative(
            path: path, frontMatter: frontMatter, body: body, bodyFirstLine: bodyFirstLine, citedBy: [],
            failure: nil, references: [])
        return Policy(
            id: id, title: title, owner: owner, version: version, approvedBy: approvedBy, approved: approved,
            review: review, criteria: criteria, acknowledgement: acknowledgement, document: document,
            mark: SourceMark(line: idMark.line + 1, column: idMark.column))
    }

    /// `acknowledgement: evidence/people/acks-*.csv`, or `{path: …, tests: […], format: csv}`.
    private func readAcknowledgement(
        _ node: YAMLNode, yaml: RegisterYAML, _ diagnostics: inout [Diagnostic]
    ) -> EvidenceRequirement? {
        let example = "evidence/people/policy-acks-*.csv"
        if let path = node.scalar {
            guard yaml.isValidPath(path, at: node.sourceMark, example: example, &diagnostics) else { return nil }
            return EvidenceRequirement(path: path, mark: node.sourceMark)
        }
        guard var r = MappingReader(node, context: "`acknowledgement`", file: yaml.file, diagnostics: &diagnostics)
        else { return nil }
        let path = yaml.evidencePath(&r, "path", required: true, example: example)
        let format = r.choice("format", required: false, as: EvidenceFormat.self)
        var tests = EvidenceTestReader(file: yaml.file)
        let list = r.value("tests").flatMap { $0.isNull ? nil : tests.read($0) } ?? []
        r.finish(allowed: ["path", "tests", "format"])
        diagnostics += r.diagnostics + tests.diagnostics
        guard let path else { return nil }
        var requirement = EvidenceRequirement(path: path, mark: node.sourceMark)
        requirement.tests = list
        requirement.format = format
        return requirement
    }
}
