import DossierGit
import Foundation

/// The result of loading a workspace and judging its readiness: what every command starts from.
public struct Assessment: Sendable {
    public var workspace: Workspace
    public var controlMap: ControlMap
    public var readiness: Readiness
    /// The narratives, read and checked once; the site renders these.
    public var narratives: NarrativeCatalog
    public var diagnostics: [Diagnostic]
    /// The auditor's request list (`requests.yaml`) with each request's state; nil when there is none.
    public var requests: RequestBook? = nil

    public var isValid: Bool { !diagnostics.hasErrors }
}
