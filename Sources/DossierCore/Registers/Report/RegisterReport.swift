/// The `risks`, `vendors` and `policies` sections of `check --json` (and `readiness.json` in a bundle). Field
/// names are a public interface: add, never rename. camelCase here, snake_case in the JSON.
public enum RegisterReport {
    public struct Acceptance: Codable, Sendable {
        public var by: String
        public var on: String
        public var until: String
        /// `current`, `expired` or `pending`.
        public var state: String
    }

    public struct Risk: Codable, Sendable {
        public var id: String
        public var title: String
        @Nullable public var description: String?
        public var owner: String
        public var likelihood: Int
        public var impact: Int
        public var inherent: Int
        public var residualLikelihood: Int
        public var residualImpact: Int
        /// The residual score (the inherent one when the register gives none).
        public var residual: Int
        public var treatment: String
        public var controls: [String]
        /// Mitigating controls not ready on the as-of date.
        public var exposedBy: [String]
        public var exposed: Bool
        public var overAppetite: Bool
        @Nullable public var acceptance: Acceptance?
    }

    public struct Risks: Codable, Sendable {
        public var file: String
        public var review: String
        public var appetite: Int
        @Nullable public var owner: String?
        /// `fresh`, `stale` or `never`.
        public var reviewState: String
        @Nullable public var lastReviewed: String?
        @Nullable public var freshUntil: String?
        public var risks: [Risk]
    }

    public struct Evidence: Codable, Sendable {
        public var path: String
        public var frequency: String
        /// As for a control's evidence: `fresh`, `stale`, `missing`, `undated` or `failing`.
        public var state: String
        public var files: [String]
        @Nullable public var newest: String?
        @Nullable public var freshUntil: String?
        public var tests: [ReadinessReport.Test]
    }

    public struct Report: Codable, Sendable {
        public var kind: String
        public var path: String
        @Nullable public var periodEnd: String?
        public var files: [String]
        public var current: Bool
        @Nullable public var currentUntil: String?
    }

    public struct Vendor: Codable, Sendable {
        public var id: String
        public var name: String
        @Nullable public var service: String?
        public var owner: String
        public var criticality: String
        public var data: [String]
        public var subprocessor: Bool
        /// `current`, `expired`, `missing` or `not-required`.
        public var assurance: String
        public var reports: [Report]
        @Nullable public var review: Evidence?
        public var reviewOverdue: Bool
        @Nullable public var dpa: Evidence?
        public var dpaMissing: Bool
    }

    public struct Vendors: Codable, Sendable {
        public var file: String
        public var vendors: [Vendor]
    }

    public struct Policy: Codable, Sendable {
        public var id: String
        public var path: String
        public var title: String
        public var owner: String
        public var version: String
        @Nullable public var approvedBy: String?
        @Nullable public var approved: String?
        /// Not approved yet (no `approved` in its front matter).
        public var draft: Bool
        public var review: String
        @Nullable public var nextReview: String?
        public var reviewOverdue: Bool
        public var changedSinceApproval: Bool
        @Nullable public var changedOn: String?
        public var criteria: [String]
        @Nullable public var acknowledgement: Evidence?
        /// The newest acknowledgement is dated before this version's approval.
        public var acknowledgedBeforeApproval: Bool
    }

    public struct Policies: Codable, Sendable {
        public var folder: String
        public var policies: [Policy]
    }
}

extension RegisterReport.Evidence {
    init(_ q: RequirementResult) {
        self.init(
            path: q.requirement.path, frequency: q.frequency.rawValue, state: q.state.rawValue,
            files: q.files.map(\.displayPath), newest: q.newest?.description, freshUntil: q.freshUntil?.description,
            tests: q.tests.map(ReadinessReport.Test.init))
    }
}

extension RegisterReport.Risks {
    init(_ result: RiskRegisterResult) {
        let register = result.register
        self.init(
            file: RiskRegister.file, review: register.review.rawValue, appetite: register.appetite,
            owner: register.owner, reviewState: result.review.rawValue,
            lastReviewed: result.lastReviewed?.description, freshUntil: result.freshUntil?.description,
            risks: result.risks.map { r in
                let risk = r.risk
                return RegisterReport.Risk(
                    id: risk.id, title: risk.title, description: risk.description, owner: risk.owner,
                    likelihood: risk.inherent.likelihood, impact: risk.inherent.impact, inherent: risk.inherent.value,
                    residualLikelihood: risk.effective.likelihood, residualImpact: risk.effective.impact,
                    residual: risk.effective.value, treatment: risk.treatment.rawValue, controls: risk.controls,
                    exposedBy: r.exposedBy, exposed: r.isExposed, overAppetite: r.overAppetite,
                    acceptance: risk.acceptance.map {
                        RegisterReport.Acceptance(
                            by: $0.by, on: $0.on.description, until: $0.until.description,
                            state: r.acceptance?.rawValue ?? "")
                    })
            })
    }
}

extension RegisterReport.Vendors {
    init(_ result: VendorRegisterResult) {
        self.init(
            file: VendorRegister.file,
            vendors: result.vendors.map { v in
                let vendor = v.vendor
                return RegisterReport.Vendor(
                    id: vendor.id, name: vendor.name, service: vendor.service, owner: vendor.owner,
                    criticality: vendor.criticality.rawValue, data: vendor.data.map(\.rawValue),
                    subprocessor: vendor.subprocessor, assurance: v.assurance.rawValue,
                    reports: v.reports.map {
                        RegisterReport.Report(
                            kind: $0.report.kind.rawValue, path: $0.report.path,
                            periodEnd: $0.report.periodEnd?.description, files: $0.files.map(\.displayPath),
                            current: $0.isCurrent, currentUntil: $0.currentUntil?.description)
                    },
                    review: v.review.map(RegisterReport.Evidence.init), reviewOverdue: v.reviewOverdue,
                    dpa: v.dpa.map(RegisterReport.Evidence.init), dpaMissing: v.dpaMissing)
            })
    }
}

extension RegisterReport.Policies {
    init(_ results: [PolicyResult]) {
        self.init(
            folder: Policy.folder,
            policies: results.map { p in
                let policy = p.policy
                return RegisterReport.Policy(
                    id: policy.id, path: policy.path, title: policy.title, owner: policy.owner,
                    version: policy.version, approvedBy: policy.approvedBy, approved: policy.approved?.description,
                    draft: policy.isDraft,
                    review: policy.review.rawValue, nextReview: p.nextReview?.description,
                    reviewOverdue: p.reviewOverdue, changedSinceApproval: p.changedSinceApproval,
                    changedOn: p.changedOn?.description, criteria: policy.criteria,
                    acknowledgement: p.acknowledgement.map(RegisterReport.Evidence.init),
                    acknowledgedBeforeApproval: p.acknowledgedBeforeApproval)
            })
    }
}
