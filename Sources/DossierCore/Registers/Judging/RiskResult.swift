/// How the risk register stands on the as-of date.
public struct RiskRegisterResult: Sendable {
    public var register: RiskRegister
    /// The day of the last commit that changed `risks.yaml` on or before the as-of date.
    public var lastReviewed: CalendarDay?
    /// The last day that review counts; nil when never reviewed or reviewed `once`.
    public var freshUntil: CalendarDay?
    public var review: ReviewState
    public var risks: [RiskResult]

    public var exposed: [RiskResult] { risks.filter(\.isExposed) }
    public var overAppetite: [RiskResult] { risks.filter(\.overAppetite) }
    public var expiredAcceptances: [RiskResult] { risks.filter { $0.acceptance == .expired } }
}

/// Whether something reviewed on a cycle was reviewed recently enough.
public enum ReviewState: String, Sendable, Codable, CaseIterable {
    case fresh, stale
    /// No review (no commit, or none on or before the as-of date).
    case never
}

/// One risk, judged.
public struct RiskResult: Sendable {
    public var risk: Risk
    /// Mitigating controls that are not ready on the as-of date.
    public var exposedBy: [String]
    /// The residual (else inherent) score exceeds the appetite and no acceptance is current.
    public var overAppetite: Bool
    /// nil when the risk has no acceptance.
    public var acceptance: AcceptanceState?

    public var isExposed: Bool { !exposedBy.isEmpty }
}

/// Where the as-of date falls in an acceptance's days.
public enum AcceptanceState: String, Sendable, Codable, CaseIterable {
    case current, expired
    /// Given on a day after the as-of date.
    case pending
}
