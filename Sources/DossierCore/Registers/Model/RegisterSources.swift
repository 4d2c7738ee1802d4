/// The registers as read from the workspace, before they are judged: each optional, with what loading kept.
public struct RegisterSources: Sendable {
    /// nil when the workspace has no `risks.yaml`.
    public var risks: RiskRegister?
    /// nil when the workspace has no `vendors.yaml`.
    public var vendors: VendorRegister?
    /// Every valid policy under `policies/`, sorted by path.
    public var policies: [Policy] = []

    public init() {}

    /// The evidence every register names (vendor reports, reviews and DPAs, policy acknowledgements): the
    /// evidence scan must look at their folders too, and acknowledgement tests run with the control map's.
    public var evidenceRequirements: [EvidenceRequirement] {
        var result: [EvidenceRequirement] = []
        for vendor in vendors?.vendors ?? [] {
            result += vendor.assurance.map { EvidenceRequirement(path: $0.path, mark: $0.mark) }
            if let review = vendor.review { result.append(EvidenceRequirement(path: review.path)) }
            if let dpa = vendor.dpa { result.append(EvidenceRequirement(path: dpa)) }
        }
        result += policies.compactMap(\.acknowledgement)
        return result
    }
}
