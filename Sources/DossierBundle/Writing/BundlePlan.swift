import DossierCore
import DossierGit

/// What a bundle holds, decided before a byte is written: the workspace files, their sizes and dates, and
/// every reason to refuse, collected so that one run names every problem.
///
/// - Evidence: every file a requirement of any control uses (`files`, and `later` ones dated after the
///   as-of day, since they are committed and referenced). Unreferenced evidence stays out: an auditor
///   tests what the controls claim, and exports that no control needs still carry personal data and
///   credentials that have no reason to travel. Files the engine cannot use (symlinks, submodules,
///   non-regular files, LFS pointers, untracked or ignored files) are never in `files`, so never shipped.
/// - Documents: `controls.yaml`, each narrative a control names, `evidence/collected.yaml` when present, and
///   the registers (`risks.yaml`, `vendors.yaml`, each policy); the evidence the registers count ships too.
/// - Dirty: modified, staged, untracked, deleted or conflicted evidence (anywhere in the inventory) and dirty
///   documents refuse the bundle unless `allowDirty`; then the working copy is shipped and marked.
/// - Secrets: a file to ship with a secret finding (``SecretScan``, run by the pipeline over exactly these
///   files) that `.dossier-secrets` does not acknowledge refuses the bundle unless `allowSecrets`.
struct BundlePlan: Sendable {
    /// Names Dossier writes under `data/`; a workspace file there would collide.
    static let generatedNames: Set<String> = [
        "readiness.json", "control-matrix.csv", "provenance.csv", "risk-register.csv", "vendor-register.csv",
        "requests.csv", "oscal",
    ]
    static let siteFolder = "site"

    private(set) var documents: [PlannedSource] = []
    private(set) var evidence: [PlannedSource] = []
    /// Every dirty file of the workspace, shipped or not, with its state.
    var dirty: [(path: String, problem: EvidenceFile.Problem)] = []

    static let dirtyProblems: Set<EvidenceFile.Problem> = [.modified, .staged, .untracked, .deleted, .conflicted]

    init(_ assessment: Assessment, allowDirty: Bool, allowSecrets: Bool = false) throws(BundleError) {
        var errors: [Diagnostic] = []
        let inventory = assessment.readiness.inventory
        guard inventory.git.isWorkTree, inventory.git.head != nil else {
            throw .refused([
                Self.error(
                    .bundleNoCommits,
                    "the workspace is not a git work tree with commits; a bundle ships committed evidence", file: ".",
                    hint: "run `git init`, commit controls.yaml, narratives and evidence, then bundle")
            ])
        }

        // Evidence referenced by any control.
        var byPath: [[UInt8]: EvidenceFile] = [:]
        for control in assessment.readiness.controls {
            for requirement in control.requirements {
                for file in requirement.files + requirement.later { byPath[file.path] = file }
            }
        }
        // And the evidence the registers count: vendor reports, reviews and DPAs, policy acknowledgements.
        for file in assessment.registers.evidenceFiles { byPath[file.path] = file }
        // And every file that answers a request of the auditor's list (requests.csv names them).
        for status in assessment.requests?.statuses ?? [] {
            for file in status.files { byPath[file.path] = file }
        }
        for file in byPath.values.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
            let dirty = file.problems.first { Self.dirtyProblems.contains($0) }
            evidence.append(
                PlannedSource(
                    path: file.path, size: file.size, isExecutable: file.isExecutable,
                    commitTime: file.commit?.committerTime,
                    evidence: file, dirty: dirty))
        }
        for file in inventory.files {
            if let problem = file.problems.first(where: { Self.dirtyProblems.contains($0) }) {
                dirty.append((file.displayPath, problem))
            }
        }

        // A glob may also match the control map or a narrative: ship it once, as evidence (with its provenance).
        let evidencePaths = Set(evidence.map(\.path))
        documents = Self.documents(assessment, &dirty, &errors).filter { !evidencePaths.contains($0.path) }
        var named = Set<String>()
        dirty = dirty.filter { named.insert($0.path).inserted }

        if !dirty.isEmpty && !allowDirty {
            for (path, problem) in dirty {
                errors.append(
                    Self.error(
                        .bundleDirty, "\(path) \(Self.describe(problem)); a bundle ships committed content", file: path,
                        hint:
                            "commit or discard the change, or pass --allow-dirty to ship the working copy marked as dirty"
                    ))
            }
        }
        sources = documents + evidence
        errors += checkNames()
        if !allowSecrets { errors += Self.secretErrors(secrets(assessment.secrets)) }
        guard errors.isEmpty else { throw .refused(errors) }
    }

    /// Documents then evidence, in archive order. Stored, not computed: the writer indexes it per entry, and
    /// concatenating 20,000 sources per lookup made bundling quadratic (12% of a medium bundle's time).
    private(set) var sources: [PlannedSource] = []

    // MARK: - Secrets

    /// The findings, acknowledged or not, in files this bundle ships.
    func secrets(_ results: SecretScanResults) -> [SecretFinding] {
        let shipped = Set(sources.map(\.displayPath))
        return results.findings.filter { shipped.contains($0.path) }
    }

    /// One error per unacknowledged finding in a file that ships (the first few per file, then a count).
    private static func secretErrors(_ shipped: [SecretFinding]) -> [Diagnostic] {
        var byFile: [String: [SecretFinding]] = [:]
        for finding in shipped where !finding.isAcknowledged {
            byFile[finding.path, default: []].append(finding)
        }
        return byFile.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { path in
            SecretScan.diagnostics(
                for: byFile[path]!, severity: .error, code: .bundleSecretUnacknowledged,
                more: .bundleSecretUnacknowledged
            ).map {
                var diagnostic = $0
                diagnostic.hint =
                    (diagnostic.hint.map { $0 + "; or " } ?? "") + "pass --allow-secrets to ship it, listed in bag-info"
                return diagnostic
            }
        }
    }

    // MARK: - Documents

    private static func documents(
        _ assessment: Assessment, _ dirty: inout [(path: String, problem: EvidenceFile.Problem)],
        _ errors: inout [Diagnostic]
    ) -> [PlannedSource] {
        let workspace = assessment.workspace
        var paths = [Workspace.controlMapFile]
        var seen = Set(paths)
        for control in assessment.controlMap.controls {
            if let narrative = control.narrative, seen.insert(narrative).inserted { paths.append(narrative) }
        }
        if workspace.isFile(EvidenceScanner.collectionDatesFile) { paths.append(EvidenceScanner.collectionDatesFile) }
        for path in assessment.registers.documentPaths where seen.insert(path).inserted { paths.append(path) }
        if workspace.isFile(RequestList.file) { paths.append(RequestList.file) }
        let facts: DocumentFacts
        do {
            facts = try DocumentFacts.read(root: workspace.root, paths: paths)
        } catch {
            errors.append(
                Self.error(
                    .bundleGitFailed, "cannot read the git state of controls.yaml and narratives: \(error)", file: "."))
            return []
        }
        var result: [PlannedSource] = []
        for path in paths {
            let bytes = Array(path.utf8)
            let entry = facts.tree[bytes]
            let problem =
                facts.status[bytes].map { Self.problem(for: $0, committed: entry != nil) }
                ?? (entry == nil ? .untracked : nil)
            if let entry, !entry.isRegular {
                errors.append(
                    Self.error(
                        .bundleNotRegular,
                        "\(path) is not a regular file in git (a symlink or submodule); it cannot be shipped",
                        file: path, hint: "commit the file itself"))
                continue
            }
            if let problem { dirty.append((path, problem)) }
            let opened: SafeFile
            do {
                opened = try workspace.files.open(bytes)
            } catch {
                // A deleted document is already reported as dirty.
                if problem == nil { errors.append(Self.error(.bundleUnreadable, "\(path) \(error)", file: path)) }
                continue
            }
            result.append(
                PlannedSource(
                    path: bytes, size: opened.size, isExecutable: entry?.isExecutable ?? opened.isExecutable,
                    commitTime: facts.history.newest[bytes]?.committerTime, evidence: nil, dirty: problem))
        }
        return result
    }

    private static func problem(for state: GitStatus.State, committed: Bool) -> EvidenceFile.Problem {
        switch state {
        case .modified: .modified
        case .staged: committed ? .staged : .untracked
        case .untracked, .ignored: .untracked
        case .conflicted: .conflicted
        case .deleted: .deleted
        }
    }

    static func describe(_ problem: EvidenceFile.Problem) -> String {
        switch problem {
        case .modified: "is modified"
        case .staged: "has staged, uncommitted changes"
        case .untracked: "is not committed (untracked)"
        case .deleted: "is deleted in the working tree"
        case .conflicted: "has a merge conflict"
        default: problem.explanation
        }
    }

    // MARK: - Names

    /// Names a validator cannot round-trip, names Dossier itself writes, and twins that collide once the
    /// auditor unpacks the bundle on macOS or Windows.
    private func checkNames() -> [Diagnostic] {
        var errors: [Diagnostic] = []
        var keys: [String: String] = [:]
        func claim(_ path: String) {
            let key = BagPath.collisionKey(path)
            if let other = keys[key], other != path {
                errors.append(
                    Self.error(
                        .bundleNameClash,
                        "`\(path)` and `\(other)` would be the same file on macOS and Windows (they differ only in case or Unicode normalisation)",
                        file: path, hint: "rename one of them and commit"))
            } else {
                keys[key] = path
            }
        }
        for name in Self.generatedNames.sorted() + [Self.siteFolder] { claim(name) }
        var folders = Set<String>()
        for source in sources {
            let display = source.displayPath
            if let problem = BagPath.problem(with: source.path) {
                errors.append(
                    Self.error(
                        .bundleUnshippableName, "`\(display)` \(problem); it cannot be shipped in a bundle",
                        file: display,
                        hint: "rename the file (git mv) and commit"))
                continue
            }
            let first = display.split(separator: "/").first.map(String.init) ?? display
            if Self.generatedNames.contains(display) || first == Self.siteFolder {
                errors.append(
                    Self.error(
                        .bundleReservedName,
                        "`\(display)` collides with `data/\(first)`, which Dossier generates in the bundle",
                        file: display, hint: "move the file elsewhere in the workspace"))
                continue
            }
            let parts = display.split(separator: "/")
            for depth in 1..<max(parts.count, 1) where folders.insert(parts[..<depth].joined(separator: "/")).inserted {
                claim(parts[..<depth].joined(separator: "/"))
            }
            claim(display)
        }
        return errors
    }

    static func error(_ code: DiagnosticCode, _ message: String, file: String? = nil, hint: String? = nil)
        -> Diagnostic
    {
        Diagnostic(.error, code, message, file: file, hint: hint)
    }
}
