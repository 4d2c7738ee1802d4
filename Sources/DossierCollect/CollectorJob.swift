import Crypto
import DossierCore
import DossierGit

/// Runs one collector and decides whether its output may become evidence: it must have exited 0 within its
/// time and size bounds, printed something, pass the requirement's tests and hold no secret. Only then is it
/// written, atomically and never over an existing file.
struct CollectorJob: Sendable {
    var workspace: Workspace
    var inventory: EvidenceInventory
    var request: CollectRequest

    func run(_ task: CollectTask) -> CollectOutcome {
        var outcome = CollectOutcome(task: task, result: .written)
        let files = workspace.files
        switch files.kind(task.output) {
        case nil: break
        case .file?:
            return fail(outcome, .collectExists, "\(task.output) exists already; nothing was run or written")
        case .link?:
            return fail(
                outcome, .collectUnwritable, "\(task.output) is a symbolic link; Dossier never writes through links")
        case .folder?, .other?:
            return fail(outcome, .collectUnwritable, "\(task.output) is not a regular file")
        }
        if let writes = task.collector.writes, files.kind(writes) != nil {
            return fail(
                outcome, .collectFailed,
                "`writes` file \(writes) exists before the command ran; remove it so a stale file is never taken for new output"
            )
        }
        let command = BoundedCommand(
            arguments: task.collector.argv, directory: workspace.root,
            environment: BoundedCommand.environment(allowing: task.collector.environment),
            timeoutSeconds: task.collector.timeoutSeconds, maxOutputBytes: request.maxOutputBytes)
        let result: BoundedCommand.Result
        do {
            result = try command.run()
        } catch {
            removeWritten(task)
            return fail(outcome, .collectFailed, "cannot run the command: \(error)")
        }
        outcome.status = result.status
        outcome.stderrTail = result.stderrTail
        outcome.milliseconds = result.milliseconds
        var bytes = result.stdout
        if let writes = task.collector.writes, !result.timedOut, !result.tooMuchOutput, result.status == 0 {
            do {
                guard let written = try files.read(writes, limit: request.maxOutputBytes + 1) else {
                    return fail(outcome, .collectEmptyOutput, "the command exited 0 but did not write \(writes)")
                }
                bytes = written
            } catch {
                removeWritten(task)
                return fail(outcome, .collectFailed, "the file the command wrote, \(writes), \(error)")
            }
        }
        removeWritten(task)
        if result.timedOut {
            return fail(
                outcome, .collectTimedOut,
                "the command ran past its timeout of \(task.collector.timeoutSeconds) s and was killed with its process group"
            )
        }
        if result.tooMuchOutput || bytes.count > request.maxOutputBytes {
            return fail(
                outcome, .collectTooMuchOutput,
                "the command wrote more than \(Self.size(request.maxOutputBytes)) and was killed")
        }
        guard result.status == 0 else {
            return fail(outcome, .collectFailed, "the command exited with status \(result.status)")
        }
        guard !bytes.isEmpty else {
            return fail(outcome, .collectEmptyOutput, "the command succeeded but its output is empty")
        }
        let failing = EvidenceTestRunner(files: files, useCache: false).judge(
            bytes: bytes, path: task.output, requirement: task.requirement, date: request.day, inventory: inventory
        ).filter { !$0.outcome.passed }
        if let first = failing.first {
            let detail = first.outcome.failures.first.map { f in (f.location.map { "\($0): " } ?? "") + f.message }
            return fail(
                outcome, .collectFailingTests,
                "the output fails \(failing.count) of the requirement's tests, first `\(first.test.definition)`"
                    + (detail.map { " (\($0))" } ?? ""))
        }
        var scanner = SecretScanner(isCSV: task.output.lowercased().hasSuffix(".csv"))
        bytes.withUnsafeBytes { scanner.scan($0) }
        if let finding = scanner.findings.min(by: { ($0.line, $0.kind) < ($1.line, $1.kind) }) {
            return fail(
                outcome, .collectSecret,
                "line \(finding.line) of the output looks like \(finding.kind.phrase) (\(scanner.findings.count) finding\(scanner.findings.count == 1 ? "" : "s")); the output was not written"
            )
        }
        do {
            try files.create(task.output, bytes: bytes)
        } catch .exists {
            return fail(outcome, .collectExists, "\(task.output) appeared while the command ran; nothing was written")
        } catch {
            return fail(outcome, .collectUnwritable, "\(task.output) \(error)")
        }
        outcome.sha256 = Hex.string(SHA256.hash(data: bytes))
        outcome.bytes = bytes.count
        return outcome
    }

    /// The scratch file of a `writes:` collector goes, whatever happened (only a regular file is removed).
    private func removeWritten(_ task: CollectTask) {
        if let writes = task.collector.writes { workspace.files.removeCreated(writes) }
    }

    private func fail(_ outcome: CollectOutcome, _ code: DiagnosticCode, _ message: String) -> CollectOutcome {
        var outcome = outcome
        outcome.result = code == .collectExists ? .exists : .failed(code)
        outcome.message = message
        return outcome
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MiB" : bytes >= 1 << 10 ? "\(bytes >> 10) KiB" : "\(bytes) bytes"
    }
}
