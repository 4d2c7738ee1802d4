/// One thing to do about a register, with the owner who should do it: what `check` lists under its to-do
/// groups, the gaps page groups by owner and `--strict` fails on.
public struct RegisterGap: Sendable {
    /// The to-do groups of the registers, in the order `check` prints them.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case reviewRiskRegister = "review-risk-register"
        case treatRisks = "treat-risks"
        case renewAcceptances = "renew-acceptances"
        case collectVendorReports = "collect-vendor-reports"
        case reviewVendors = "review-vendors"
        case reapprovePolicies = "reapprove-policies"
        case collectAcknowledgements = "collect-acknowledgements"

        public var title: String {
            switch self {
            case .reviewRiskRegister: "Review the risk register"
            case .treatRisks: "Treat or accept risks over appetite"
            case .renewAcceptances: "Renew expired acceptances"
            case .collectVendorReports: "Collect vendor reports"
            case .reviewVendors: "Review vendors"
            case .reapprovePolicies: "Re-approve policies"
            case .collectAcknowledgements: "Collect policy acknowledgements"
            }
        }
    }

    /// What the gap is about, for a link to its page.
    public enum Subject: Sendable, Hashable {
        case riskRegister
        case risk(String)
        case vendor(String)
        case policy(path: String, id: String)

        /// The id people read: `R-001`, `aws`, `POL-001`, or `risks.yaml`.
        public var id: String {
            switch self {
            case .riskRegister: RiskRegister.file
            case .risk(let id), .vendor(let id): id
            case .policy(_, let id): id
            }
        }
    }

    public var kind: Kind
    public var owner: String?
    public var subject: Subject
    public var title: String
    /// One line saying what is wrong, without the subject.
    public var detail: String
}

extension RegisterResults {
    /// Every register gap, grouped by kind in declaration order, then in register order.
    public var gaps: [RegisterGap] {
        var found: [RegisterGap] = []
        if let risks {
            let register = risks.register
            switch risks.review {
            case .never:
                found.append(
                    RegisterGap(
                        kind: .reviewRiskRegister, owner: register.owner, subject: .riskRegister,
                        title: "Risk register",
                        detail: "no commit changed \(RiskRegister.file) on or before the as-of date"))
            case .stale:
                found.append(
                    RegisterGap(
                        kind: .reviewRiskRegister, owner: register.owner, subject: .riskRegister,
                        title: "Risk register",
                        detail: "last reviewed \(risks.lastReviewed.map(\.description) ?? "?"), fresh until "
                            + "\(risks.freshUntil.map(\.description) ?? "?") (\(register.review.rawValue))"))
            case .fresh:
                break
            }
            for r in risks.risks {
                let risk = r.risk
                func add(_ kind: RegisterGap.Kind, _ detail: String) {
                    found.append(
                        RegisterGap(
                            kind: kind, owner: risk.owner, subject: .risk(risk.id), title: risk.title, detail: detail))
                }
                if r.acceptance == .expired, let accepted = risk.acceptance {
                    add(.renewAcceptances, "accepted by \(accepted.by) until \(accepted.until)")
                } else if r.overAppetite {
                    add(
                        .treatRisks,
                        "residual \(risk.effective.value) (\(risk.effective.likelihood)×\(risk.effective.impact)) over appetite \(register.appetite)"
                            + (r.acceptance == .pending ? "; the acceptance starts \(risk.acceptance!.on)" : ""))
                }
            }
        }
        for v in vendors?.vendors ?? [] {
            let vendor = v.vendor
            func add(_ kind: RegisterGap.Kind, _ detail: String) {
                found.append(
                    RegisterGap(
                        kind: kind, owner: vendor.owner, subject: .vendor(vendor.id), title: vendor.name, detail: detail
                    ))
            }
            switch v.assurance {
            case .missing:
                let unusable = v.reports.reduce(0) { $0 + $1.unusable.count }
                add(
                    .collectVendorReports,
                    vendor.assurance.isEmpty
                        ? "\(vendor.criticality.rawValue) criticality and no assurance report named"
                        : unusable > 0
                            ? "no report counts: \(unusable) matching file(s) cannot count"
                            : "no report matches " + vendor.assurance.map(\.path).joined(separator: ", "))
            case .expired:
                let newest = v.reports.compactMap(\.currentUntil).max()
                add(
                    .collectVendorReports,
                    "no current report" + (newest.map { "; the newest counted until \($0)" } ?? ""))
            case .current, .notRequired:
                break
            }
            if v.dpaMissing, let dpa = v.dpa {
                add(.collectVendorReports, "DPA " + Self.describe(dpa))
            }
            if v.reviewOverdue {
                if let review = v.review {
                    add(.reviewVendors, Self.describe(review))
                } else {
                    add(.reviewVendors, "\(vendor.criticality.rawValue) criticality and no review named")
                }
            }
        }
        for p in policies {
            let policy = p.policy
            func add(_ kind: RegisterGap.Kind, _ detail: String) {
                found.append(
                    RegisterGap(
                        kind: kind, owner: policy.owner, subject: .policy(path: policy.path, id: policy.id),
                        title: policy.title, detail: detail))
            }
            if policy.isDraft {
                add(.reapprovePolicies, "draft (version \(policy.version)): not approved yet")
            } else if let changed = p.changedOn, let approved = policy.approved {
                add(
                    .reapprovePolicies,
                    "text changed on \(changed), after its approval on \(approved) (version \(policy.version))")
            } else if p.reviewOverdue, let approved = policy.approved {
                add(
                    .reapprovePolicies,
                    "approved \(approved), review was due \(p.nextReview.map(\.description) ?? "?") (\(policy.review.rawValue))"
                )
            }
            if p.acknowledgementGap, let ack = p.acknowledgement {
                if ack.state == .fresh, let newest = ack.newest, let approved = policy.approved {
                    add(
                        .collectAcknowledgements,
                        "\(ack.requirement.path) — newest \(newest), before version \(policy.version) was approved on \(approved)"
                    )
                } else {
                    add(.collectAcknowledgements, Self.describe(ack))
                }
            }
        }
        let rank = Dictionary(uniqueKeysWithValues: RegisterGap.Kind.allCases.enumerated().map { ($1, $0) })
        return found.enumerated().sorted { a, b in
            let (x, y) = (rank[a.element.kind]!, rank[b.element.kind]!)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// Why a register's evidence glob does not count, in the words of the control to-do list.
    static func describe(_ q: RequirementResult) -> String {
        let path = q.requirement.path
        switch q.state {
        case .missing:
            return "\(path) — "
                + (q.unusable.isEmpty ? "nothing matches" : "\(q.unusable.count) matching file(s) cannot count")
        case .stale:
            return
                "\(path) — newest \(q.newest.map(\.description) ?? "?"), fresh until \(q.freshUntil.map(\.description) ?? "?") (\(q.frequency.rawValue))"
        case .undated:
            return "\(path) — no commit date; commit it or declare a collection date"
        case .failing:
            let failed = q.tests.filter { !$0.passed }.map(\.test.definition)
            return "\(path) — fails " + failed.joined(separator: "; ")
        case .fresh:
            return path
        }
    }
}
