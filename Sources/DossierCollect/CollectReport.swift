import DossierCore

/// The result of `dossier collect`: what was chosen, what became of each, and the commit.
public struct CollectReport: Sendable {
    /// The collection instant (seconds since the epoch).
    public var now: Int64
    public var dryRun: Bool
    public var tasks: [CollectTask] = []
    /// One per task, in task order (empty for a dry run).
    public var outcomes: [CollectOutcome] = []
    /// The commit made with `--commit`.
    public var commit: String?
    /// Every problem, each at the `collect:` it concerns.
    public var diagnostics: [Diagnostic] = []
    /// The control map could not be loaded: nothing ran.
    public var invalid = false

    public var written: [CollectOutcome] { outcomes.filter { $0.result == .written } }
    public var failures: [CollectOutcome] { outcomes.filter(\.failed) }

    /// 0 ok, 1 when a collector failed (or the commit did), 2 when the input is invalid.
    public var exitCode: Int32 {
        if invalid { return 2 }
        return diagnostics.hasErrors ? 1 : 0
    }
}
