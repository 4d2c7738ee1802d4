/// The organisation's control map, as read from `controls.yaml` (format version 1).
public struct ControlMap: Sendable {
    public var formatVersion: Int = 1
    public var organization: String = ""
    public var system: String = ""
    public var frameworks: [String] = [SOC2Catalog.frameworkID]
    /// Categories in scope; always contains `.security`.
    public var scope: Set<TrustCategory> = [.security]
    /// A Type II audit period; nil for a Type I readiness view.
    public var period: AuditPeriod?
    public var asOf: CalendarDay?
    public var graceDays: Int = 0
    /// How many days before its commit a date in a file name may be and still date the file.
    public var maxCollectionLagDays: Int = 31
    /// `evidence_commits`: whether evidence must come from verified signed commits that are not back-dated.
    public var evidenceCommits: EvidenceCommits = .any
    public var exclusions: [Exclusion] = []
    public var controls: [Control] = []
    /// Ids of controls written in the map but dropped because they failed validation: references to them are
    /// not reported as unknown (the map's own error says what is wrong).
    public var invalidControlIDs: Set<String> = []

    public init() {}

    public func exclusion(for criterion: String) -> Exclusion? {
        exclusions.first { $0.criterion == criterion }
    }
}

/// `evidence_commits` in the control map.
public enum EvidenceCommits: String, Sendable, CaseIterable, Codable {
    /// Any commit dates evidence; signatures and back-dating are recorded and back-dating warned about.
    case any
    /// A file whose commit git cannot verify as signed, or that is back-dated, does not count.
    case signed
}

public struct AuditPeriod: Sendable, Hashable, Codable {
    public var start: CalendarDay
    public var end: CalendarDay
    public init(start: CalendarDay, end: CalendarDay) {
        self.start = start
        self.end = end
    }
}

/// A criterion judged not applicable, with the reason an auditor will read.
public struct Exclusion: Sendable, Hashable, Codable {
    public var criterion: String
    public var reason: String
    public init(criterion: String, reason: String) {
        self.criterion = criterion
        self.reason = reason
    }
}
