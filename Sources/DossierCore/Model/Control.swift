/// An organisation's safeguard, mapped to criteria, with the evidence it needs.
public struct Control: Sendable, Hashable {
    public enum Status: String, Sendable, CaseIterable, Codable {
        case implemented, planned
        case notApplicable = "not-applicable"
    }

    public var id: String
    public var title: String
    public var description: String?
    public var owner: String
    public var frequency: Frequency
    public var criteria: [String]
    /// Workspace-relative path of the narrative, if any.
    public var narrative: String?
    public var status: Status
    public var justification: String?
    public var evidence: [EvidenceRequirement]
    /// Where the control starts in `controls.yaml`.
    public var mark: SourceMark?

    public init(
        id: String, title: String, description: String? = nil, owner: String, frequency: Frequency,
        criteria: [String], narrative: String? = nil, status: Status, justification: String? = nil,
        evidence: [EvidenceRequirement] = [], mark: SourceMark? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.owner = owner
        self.frequency = frequency
        self.criteria = criteria
        self.narrative = narrative
        self.status = status
        self.justification = justification
        self.evidence = evidence
        self.mark = mark
    }
}

/// One kind of evidence a control needs: a path or glob under the workspace.
public struct EvidenceRequirement: Sendable, Hashable {
    /// The glob as written in `controls.yaml`.
    public var path: String
    public var description: String?
    /// Overrides the control's frequency for this requirement.
    public var frequency: Frequency?
    public var mark: SourceMark?
    /// What every matching file must show (`tests:`); empty when only freshness counts.
    public var tests: [EvidenceTest] = []
    /// How files are read for tests (`format:`); nil to go by each file's extension.
    public var format: EvidenceFormat?
    /// How `dossier collect` gathers it (`collect:`); nil when it is exported by hand.
    public var collector: EvidenceCollector?

    public init(path: String, description: String? = nil, frequency: Frequency? = nil, mark: SourceMark? = nil) {
        self.path = path
        self.description = description
        self.frequency = frequency
        self.mark = mark
    }
}
