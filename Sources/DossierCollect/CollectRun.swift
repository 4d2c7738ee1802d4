import DossierConcurrency
import DossierCore
import DossierGit
import Synchronization

/// The use case behind `dossier collect`: judge readiness on the collection day, choose the collectors that
/// are due (or asked for), run them with bounded parallelism, write what passes, record its provenance in
/// `evidence/collected.yaml`, and with `--commit` commit exactly those files.
public struct CollectRun: Sendable {
    public var workspace: Workspace

    public init(workspace: Workspace) { self.workspace = workspace }

    public func run(_ request: CollectRequest) -> CollectReport {
        var report = CollectReport(now: request.now, dryRun: request.dryRun)
        let assessment = AssessmentPipeline(workspace: workspace, asOfOverride: request.day, today: request.day).run()
        guard assessment.controlMapErrors.isEmpty else {
            report.invalid = true
            report.diagnostics = assessment.controlMapDiagnostics
            return report
        }
        // Provenance is appended to evidence/collected.yaml: a file with errors would only get worse.
        let ledgerErrors = assessment.diagnostics.filter { $0.severity == .error && $0.file == ProvenanceLedger.file }
        if !ledgerErrors.isEmpty && !request.dryRun {
            report.invalid = true
            report.diagnostics =
                ledgerErrors + [
                    .error(
                        .collectProvenance, "\(ProvenanceLedger.file) has errors; nothing was collected",
                        file: ProvenanceLedger.file, hint: "fix it (`dossier check` lists every problem), then collect")
                ]
            return report
        }
        let (tasks, unknown) = CollectPlan.tasks(assessment.readiness, request)
        report.tasks = tasks
        if !unknown.isEmpty {
            report.invalid = true
            report.diagnostics = unknown.map {
                .error(
                    .collectUnknownSelection, "--only `\($0)` names no control or requirement with a `collect:`",
                    hint: "name a control id (`INF-002`) or a requirement's `path` as written in controls.yaml")
            }
            return report
        }
        guard !request.dryRun, !tasks.isEmpty else { return report }
        let committer = request.commit ? committer(&report) : nil
        if request.commit && committer == nil { return report }

        report.outcomes = runAll(tasks, request, inventory: assessment.readiness.inventory)
        report.diagnostics += report.outcomes.compactMap(Self.diagnostic)
        let written = report.written
        guard !written.isEmpty else { return report }
        do {
            try ProvenanceLedger.append(written, at: request.now, to: workspace.files)
        } catch {
            for outcome in written { workspace.files.removeCreated(outcome.task.output) }
            for index in report.outcomes.indices where report.outcomes[index].result == .written {
                report.outcomes[index].result = .failed(.collectProvenance)
                report.outcomes[index].message = "\(error.message); the file was removed again"
            }
            report.diagnostics.append(
                .error(
                    .collectProvenance, "\(error.message): the collected files were removed again",
                    file: ProvenanceLedger.file,
                    hint: "make \(ProvenanceLedger.file) a regular, writable file (not a link), then collect again"))
            return report
        }
        if let committer { commit(written, committer, request, &report) }
        return report
    }

    // MARK: - Running

    /// Runs every task, `request.jobs` at a time; outcomes come back in task order.
    private func runAll(_ tasks: [CollectTask], _ request: CollectRequest, inventory: EvidenceInventory)
        -> [CollectOutcome]
    {
        let job = CollectorJob(workspace: workspace, inventory: inventory, request: request)
        let next = Counter()
        let workers = (0..<min(request.jobs, tasks.count)).map { number in
            HandOff<(Int, CollectOutcome)>(name: "dossier-collect-\(number)", capacity: tasks.count) { sender in
                while true {
                    let index = next.take()
                    guard index < tasks.count else { return }
                    guard sender.send((index, job.run(tasks[index]))) else { return }
                }
            }
        }
        var outcomes = [CollectOutcome?](repeating: nil, count: tasks.count)
        for worker in workers {
            while let (index, outcome) = try? worker.next() { outcomes[index] = outcome }
        }
        return outcomes.enumerated().map { index, outcome in
            outcome ?? CollectOutcome(task: tasks[index], result: .failed(.collectFailed), message: "not run")
        }
    }

    static func diagnostic(_ outcome: CollectOutcome) -> Diagnostic? {
        let code: DiagnosticCode
        switch outcome.result {
        case .written: return nil
        case .exists: code = .collectExists
        case .failed(let failed): code = failed
        }
        let task = outcome.task
        // The stderr tail goes into the report (text and JSON), not into this one-line message.
        let message = "\(task.control.id) (\(task.control.owner)): `\(task.collector.commandLine)`: \(outcome.message)"
        let hint: String =
            switch code {
            case .collectExists:
                "a second run the same day writes nothing; use {datetime} in `output` to collect more often"
            case .collectTimedOut: "raise `timeout:` on the collector, or make the command faster"
            case .collectTooMuchOutput: "narrow the command's output, or raise --max-output"
            case .collectSecret: "filter the credential out of the command's output (it was not written anywhere)"
            case .collectFailingTests: "fix the source system, or the test if it is wrong, and collect again"
            default:
                "run the command by hand in the workspace to see what it needs (variables pass only if listed in `env:`)"
            }
        return Diagnostic(
            code == .collectExists ? .warning : .error, code, message, file: Workspace.controlMapFile,
            line: task.collector.mark?.line, column: task.collector.mark?.column, hint: hint)
    }

    // MARK: - Committing

    /// The committer for `--commit`, or nil (with a diagnostic) when git is missing or other changes are staged.
    private func committer(_ report: inout CollectReport) -> GitCommit? {
        guard let git = Git(directory: workspace.root) else {
            report.diagnostics.append(
                .error(.gitMissing, "--commit needs git, which is not installed", hint: "install git"))
            return nil
        }
        let committer = GitCommit(git: git)
        do {
            let staged = try committer.stagedPaths()
            guard staged.isEmpty else {
                report.diagnostics.append(
                    .error(
                        .collectStagedChanges,
                        "--commit refuses to run: \(staged.count) other change\(staged.count == 1 ? " is" : "s are") staged (\(staged.prefix(3).joined(separator: ", "))\(staged.count > 3 ? ", …" : ""))",
                        hint:
                            "commit or unstage them first (`git restore --staged .`); collect commits only what it writes"
                    ))
                return nil
            }
        } catch {
            report.diagnostics.append(
                .error(.collectCommitFailed, "--commit: \(error)", hint: "run collect in a git work tree"))
            return nil
        }
        return committer
    }

    private func commit(
        _ written: [CollectOutcome], _ committer: GitCommit, _ request: CollectRequest, _ report: inout CollectReport
    ) {
        let paths = written.map(\.task.output) + [ProvenanceLedger.file]
        do {
            report.commit = try committer.commit(
                paths: paths, message: CommitMessage.text(written, at: request.now), identity: request.commitIdentity)
        } catch {
            report.diagnostics.append(
                .error(
                    .collectCommitFailed, "git refused the commit: \(error)",
                    hint: "the collected files stay written and uncommitted; fix git's complaint and commit them"))
        }
    }
}

/// Hands out task numbers to the worker threads.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
