/// How often a control operates or its evidence must be renewed.
public enum Frequency: String, Sendable, CaseIterable, Codable {
    case continuous, daily, weekly, monthly, quarterly, semiannual, annual, once

    /// Days a piece of evidence stays fresh; nil for `once` (never expires). Continuous is judged as daily.
    public var freshnessWindow: Int? {
        switch self {
        case .continuous, .daily: 1
        case .weekly: 7
        case .monthly: 31
        case .quarterly: 92
        case .semiannual: 183
        case .annual: 366
        case .once: nil
        }
    }
}
