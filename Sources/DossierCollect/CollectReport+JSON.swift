import DossierCore
import Foundation

extension CollectReport {
    /// One JSON document: the collection instant, each collector with its outcome, the commit, diagnostics.
    public func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(Document(self))) + [10]
    }

    private struct Document: Encodable {
        var collectedAt: String
        var dryRun: Bool
        var collectors: [Entry]
        var commit: String?
        var diagnostics: [Diagnostic]
        var exitCode: Int32

        init(_ report: CollectReport) {
            collectedAt = ProvenanceLedger.timestamp(report.now)
            dryRun = report.dryRun
            commit = report.commit
            diagnostics = report.diagnostics
            exitCode = report.exitCode
            collectors = report.tasks.enumerated().map { index, task in
                Entry(task, report.outcomes.indices.contains(index) ? report.outcomes[index] : nil)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(collectedAt, forKey: .collectedAt)
            try c.encode(dryRun, forKey: .dryRun)
            try c.encode(collectors, forKey: .collectors)
            try c.encode(commit, forKey: .commit)
            try c.encode(diagnostics, forKey: .diagnostics)
            try c.encode(exitCode, forKey: .exitCode)
        }

        enum Key: String, CodingKey {
            case collectedAt = "collected_at"
            case dryRun = "dry_run"
            case collectors, commit, diagnostics
            case exitCode = "exit_code"
        }
    }

    private struct Entry: Encodable {
        var control: String
        var owner: String
        var requirement: String
        var command: String
        var output: String
        var reason: String
        var result: String?
        var code: String?
        var exit: Int32?
        var message: String?
        var stderr: [String]?
        var bytes: Int?
        var sha256: String?
        var milliseconds: Int64?

        init(_ task: CollectTask, _ outcome: CollectOutcome?) {
            control = task.control.id
            owner = task.control.owner
            requirement = task.requirement.path
            command = task.collector.commandLine
            output = task.output
            reason = task.reason
            guard let outcome else { return }
            switch outcome.result {
            case .written: result = "written"
            case .exists: result = "exists"
            case .failed(let failed):
                result = "failed"
                code = failed.rawValue
            }
            exit = outcome.status
            message = outcome.message.isEmpty ? nil : outcome.message
            stderr = outcome.stderrLines()
            bytes = outcome.result == .written ? outcome.bytes : nil
            sha256 = outcome.sha256
            milliseconds = outcome.milliseconds
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(control, forKey: .control)
            try c.encode(owner, forKey: .owner)
            try c.encode(requirement, forKey: .requirement)
            try c.encode(command, forKey: .command)
            try c.encode(output, forKey: .output)
            try c.encode(reason, forKey: .reason)
            try c.encode(result, forKey: .result)
            try c.encode(code, forKey: .code)
            try c.encode(exit, forKey: .exit)
            try c.encode(message, forKey: .message)
            try c.encode(stderr, forKey: .stderr)
            try c.encode(bytes, forKey: .bytes)
            try c.encode(sha256, forKey: .sha256)
            try c.encode(milliseconds, forKey: .milliseconds)
        }

        enum Key: String, CodingKey {
            case control, owner, requirement, command, output, reason, result, code, exit, message, stderr, bytes
            case sha256, milliseconds
        }
    }
}
