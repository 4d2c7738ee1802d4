/// How an evidence requirement stands on the as-of date.
public enum EvidenceState: String, Sendable, Codable, CaseIterable {
    /// The newest file is within the freshness window (plus grace days).
    case fresh
    /// Files exist, none recent enough.
    case stale
    /// Nothing usable matches.
    case missing
    /// Files exist but none has a date (no git history and no declared collection date).
    case undated
    /// The newest usable file fails one of the requirement's `tests`.
    case failing
}

/// Why a control is or is not ready.
public enum ControlState: String, Sendable, Codable, CaseIterable {
    case ready
    case missingEvidence = "missing-evidence"
    case failingEvidence = "failing-evidence"
    case stale
    case undated
    case planned
    case notApplicable = "not-applicable"

    public var label: String {
        switch self {
        case .ready: "ready"
        case .missingEvidence: "missing evidence"
        case .failingEvidence: "failing evidence"
        case .stale: "stale evidence"
        case .undated: "undated evidence"
        case .planned: "planned"
        case .notApplicable: "not applicable"
        }
    }
}

/// Whether a criterion is met by the control map.
public enum CriterionState: String, Sendable, Codable, CaseIterable {
    /// At least one ready control maps to it.
    case covered
    /// Controls map to it, none is ready.
    case partial
    /// No control maps to it.
    case uncovered
    /// Listed in exclusions.
    case excluded
    /// Its category is not in scope.
    case outOfScope = "out-of-scope"
}
