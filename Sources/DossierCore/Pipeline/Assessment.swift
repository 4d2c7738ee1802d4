import DossierGit
import Foundation

/// The result of loading a workspace and judging its readiness: what every command starts from.
public struct Assessment: Sendable {
    public var workspace: Workspace
    public var controlMap: ControlMap
    public var readiness: Readiness
    /// The narratives, read and checked once; the site renders these.
    public var narratives: NarrativeCatalog
    /// What the secret scan found in the files a bundle would ship, with their acknowledgements.
    public var secrets: SecretScanResults
    /// The risk register, vendor inventory and policies, judged on the same as-of date.
    public var registers = RegisterResults()
    public var diagnostics: [Diagnostic]
    /// The auditor's request list (`requests.yaml`) with each request's state; nil when there is none.
    public var requests: RequestBook? = nil

    public var isValid: Bool { !diagnostics.hasErrors }
}
