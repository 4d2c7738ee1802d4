/// How one file of a requirement stands: what a control page shows beside it.
///
/// An older file of a recurring export is `superseded`, not `stale`: last month's MFA export is not a problem
/// once this month's is in. Only the newest file carries the requirement's freshness.
public enum FileStanding: String, Sendable, CaseIterable {
    case fresh, superseded, stale, undated

    /// The badge tone: superseded is neutral.
    public var tone: String {
        switch self {
        case .fresh: "ok"
        case .superseded: "muted"
        case .stale, .undated: "warn"
        }
    }
}

extension RequirementResult {
    /// The standing of `file`, one of this requirement's files, as of `asOf`.
    public func standing(of file: EvidenceFile, asOf: CalendarDay, graceDays: Int) -> FileStanding {
        switch freshness(of: file, asOf: asOf, graceDays: graceDays) {
        // Freshness is about dates only; what a file says is judged by its tests, apart.
        case .fresh, .failing: return .fresh
        case .undated, .missing: return .undated
        case .stale:
            if let newest, let date = file.date, date < newest { return .superseded }
            return .stale
        }
    }
}
