/// One policy, judged on the as-of date.
public struct PolicyResult: Sendable {
    public var policy: Policy
    /// The day the approval's review cycle ends; nil for `once`.
    public var nextReview: CalendarDay?
    /// The approval is older than its review cycle (plus grace days).
    public var reviewOverdue: Bool
    /// The first day (on or before the as-of date) a commit changed the policy's text from the version in force
    /// on its approval day; nil when the text is as approved (or git cannot tell).
    public var changedOn: CalendarDay?
    /// nil when the policy names no acknowledgement evidence.
    public var acknowledgement: RequirementResult?

    public var changedSinceApproval: Bool { changedOn != nil }
    /// Needs a (new) approval: a draft, a review overdue, or edited after it was approved.
    public var needsApproval: Bool { policy.isDraft || reviewOverdue || changedSinceApproval }
    /// The newest acknowledgement is dated before this version was approved: people accepted an older text.
    public var acknowledgedBeforeApproval: Bool {
        guard let approved = policy.approved, let newest = acknowledgement?.newest else { return false }
        return newest < approved
    }

    /// Acknowledgements are missing, stale, undated, fail their tests or predate this version's approval.
    public var acknowledgementGap: Bool {
        acknowledgement.map { $0.state != .fresh } ?? false || acknowledgedBeforeApproval
    }
}
