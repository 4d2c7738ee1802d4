/// The registers, judged: what `check`, the site and the bundle show beside readiness.
public struct RegisterResults: Sendable {
    /// nil when the workspace has no `risks.yaml` (or it could not be read).
    public var risks: RiskRegisterResult?
    /// nil when the workspace has no `vendors.yaml` (or it could not be read).
    public var vendors: VendorRegisterResult?
    /// Every valid policy, sorted by path.
    public var policies: [PolicyResult] = []
    /// Whether the workspace has a `policies/` folder with policies in it (valid or not).
    public var hasPolicies = false

    public init() {}

    public var isEmpty: Bool { risks == nil && vendors == nil && !hasPolicies }
}
