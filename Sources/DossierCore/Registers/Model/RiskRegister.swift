/// `risks.yaml`: the risk register (format version 1).
public struct RiskRegister: Sendable {
    public static let file = "risks.yaml"

    /// How often the register as a whole is reviewed; the review's date is its last commit.
    public var review: Frequency = .annual
    /// A residual score above this needs treatment or a current acceptance.
    public var appetite: Int = 0
    /// Who reviews the register (optional; gaps about the whole register go to this owner).
    public var owner: String?
    public var risks: [Risk] = []

    public init() {}
}
