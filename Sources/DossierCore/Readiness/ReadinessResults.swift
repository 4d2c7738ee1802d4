/// The judgement of one evidence requirement.
public struct RequirementResult: Sendable {
    public var requirement: EvidenceRequirement
    public var frequency: Frequency
    public var state: EvidenceState
    /// Usable files that match and existed on the as-of date, newest first.
    public var files: [EvidenceFile]
    /// Files that match but cannot count (untracked, symlinks, LFS pointers, …).
    public var unusable: [EvidenceFile]
    /// Usable files dated after the as-of date (they did not exist yet on that day).
    public var later: [EvidenceFile]
    public var newest: CalendarDay?
    /// The last day the newest file counts as fresh; nil when nothing is dated or the frequency is `once`.
    public var freshUntil: CalendarDay?
    /// Type II windows that ended by the as-of date with no evidence dated inside them.
    public var missingWindows: [PeriodWindow]
    /// All Type II windows that had started by the as-of date, with the files dated inside each.
    public var windows: [(window: PeriodWindow, files: Int)]
    /// Type II windows that ended by the as-of date with files, none of which passes every test.
    public var failingWindows: [PeriodWindow] = []
    /// Each test of the requirement, judged on every file that counts (the newest, and those in the period).
    public var tests: [TestSummary] = []
    /// The files the tests were judged on, newest first, with one outcome per test (nil: not tested).
    public var judged: [(file: EvidenceFile, outcomes: [TestOutcome?])] = []
}

public struct ControlResult: Sendable {
    public var control: Control
    public var state: ControlState
    public var requirements: [RequirementResult]
    public var isReady: Bool { state == .ready }
}

public struct CriterionResult: Sendable {
    public var criterion: Criterion
    public var state: CriterionState
    /// Ids of the controls that map to it, in control-map order.
    public var controls: [String]
    public var exclusionReason: String?
}

public struct CategoryResult: Sendable {
    public var category: TrustCategory
    public var inScope: Bool
    public var covered: Int
    /// In scope and not excluded.
    public var applicable: Int
    public var percent: Double? { Readiness.percent(covered, applicable) }
}

extension Readiness {
    /// Nothing left to do: every applicable criterion covered, every control ready or not applicable.
    public var isComplete: Bool {
        covered == applicable && controls.allSatisfy { $0.isReady || $0.state == .notApplicable }
    }
}
