/// One entry of the risk register (`risks.yaml`): a threat to the system, how likely and how bad it is, and
/// what the organisation does about it.
public struct Risk: Sendable, Hashable {
    public enum Treatment: String, Sendable, CaseIterable, Codable {
        case mitigate, accept, transfer, avoid
    }

    public var id: String
    public var title: String
    public var description: String?
    public var owner: String
    /// Before treatment.
    public var inherent: RiskScore
    public var treatment: Treatment
    /// Mitigating controls, ids in `controls.yaml`.
    public var controls: [String]
    /// After treatment; nil when the register does not say (the inherent score stands).
    public var residual: RiskScore?
    public var acceptance: RiskAcceptance?
    /// Where the risk starts in `risks.yaml`.
    public var mark: SourceMark

    /// The score that is compared with the appetite: the residual one, else the inherent one.
    public var effective: RiskScore { residual ?? inherent }
}

/// Likelihood and impact, each 1 to 5; the score is their product (1 to 25).
public struct RiskScore: Sendable, Hashable, Codable {
    public static let range = 1...5

    public var likelihood: Int
    public var impact: Int
    public var value: Int { likelihood * impact }

    public init(likelihood: Int, impact: Int) {
        self.likelihood = likelihood
        self.impact = impact
    }
}

/// Who accepted a risk, on which day, and until when the acceptance holds.
public struct RiskAcceptance: Sendable, Hashable {
    public var by: String
    public var on: CalendarDay
    public var until: CalendarDay
}
