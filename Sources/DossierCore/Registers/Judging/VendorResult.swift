/// How the vendor inventory stands on the as-of date.
public struct VendorRegisterResult: Sendable {
    public var register: VendorRegister
    public var vendors: [VendorResult]
}

/// One vendor, judged: its assurance, its review and its DPA.
public struct VendorResult: Sendable {
    public var vendor: Vendor
    public var reports: [AssuranceResult]
    public var assurance: AssuranceState
    /// nil when the vendor names no review.
    public var review: RequirementResult?
    /// nil when the vendor names no DPA.
    public var dpa: RequirementResult?

    /// The review is due and not done: stale, missing or undated; a high or medium vendor with no review at all.
    public var reviewOverdue: Bool {
        guard let review else { return vendor.needsAssurance }
        return review.state != .fresh
    }

    /// Handles personal data and no usable DPA file matches.
    public var dpaMissing: Bool { vendor.handlesPersonalData && (dpa?.state ?? .missing) == .missing }
}

/// Whether a vendor has a current attestation.
public enum AssuranceState: String, Sendable, Codable, CaseIterable {
    /// A report covering a period that ended within 12 months (plus grace days), or a fresh questionnaire.
    case current
    /// Reports exist, none current.
    case expired
    /// No report file at all.
    case missing
    /// A low-criticality vendor with no current report: none is needed.
    case notRequired = "not-required"

    /// Whether the vendor needs a report collected.
    public var isGap: Bool { self == .expired || self == .missing }
}

/// One assurance report of a vendor, judged.
public struct AssuranceResult: Sendable {
    public var report: AssuranceReport
    /// Usable matching files dated on or before the as-of date, newest first.
    public var files: [EvidenceFile]
    /// Matching files that cannot count (untracked, modified, links, …).
    public var unusable: [EvidenceFile]
    public var isCurrent: Bool
    /// The last day the report counts.
    public var currentUntil: CalendarDay?
}
