import DossierCore

/// One collector chosen to run: the control and requirement it serves, and where its output goes.
public struct CollectTask: Sendable {
    public var control: Control
    public var requirement: EvidenceRequirement
    public var collector: EvidenceCollector
    /// Workspace-relative output path, placeholders filled in.
    public var output: String
    /// Why it was chosen (`missing`, `stale`, `fresh until 2026-10-20`, `--all`, `--only`).
    public var reason: String
}
