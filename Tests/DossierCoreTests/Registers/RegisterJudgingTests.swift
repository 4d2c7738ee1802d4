import DossierTestSupport
import Testing

@testable import DossierCore

/// Every rule of the registers on one workspace judged as of 2026-07-15, through the pipeline and git.
@Suite struct RegisterJudgingTests {
    static let controls = """
        dossier: 1
        organization: Acme
        system: Platform
        as_of: 2026-07-15
        controls:
          - id: AC-001
            title: MFA
            owner: it@acme.test
            frequency: monthly
            criteria: [CC6.1]
            status: implemented
            evidence: [evidence/access/mfa-*.csv]
          - id: AC-002
            title: Reviews
            owner: sec@acme.test
            frequency: quarterly
            criteria: [CC6.3]
            status: planned

        """

    static let risks = """
        dossier: 1
        review: annual
        appetite: 8
        owner: sec@acme.test
        risks:
          - {id: R-1, title: Ready, owner: a@acme.test, likelihood: 4, impact: 5, treatment: mitigate, controls: [AC-001], residual: {likelihood: 2, impact: 4}}
          - {id: R-2, title: Exposed, owner: a@acme.test, likelihood: 2, impact: 2, treatment: mitigate, controls: [AC-001, AC-002]}
          - {id: R-3, title: Expired, owner: b@acme.test, likelihood: 3, impact: 4, treatment: accept, accepted: {by: ceo@acme.test, on: 2026-01-01, until: 2026-06-30}}
          - {id: R-4, title: Pending, owner: b@acme.test, likelihood: 5, impact: 5, treatment: accept, accepted: {by: ceo@acme.test, on: 2026-08-01, until: 2027-08-01}}
          - {id: R-5, title: Over, owner: b@acme.test, likelihood: 3, impact: 3, treatment: transfer}
          - {id: R-6, title: Accepted, owner: b@acme.test, likelihood: 5, impact: 5, treatment: accept, accepted: {by: ceo@acme.test, on: 2026-01-01, until: 2026-07-15}}

        """

    static let vendors = """
        dossier: 1
        vendors:
          - id: current
            name: Current
            owner: v@acme.test
            criticality: high
            data: [personal]
            assurance: [{kind: soc2-type2, path: evidence/vendors/current-soc2-*.pdf, period_end: 2025-09-30}]
            review: {frequency: annual, path: evidence/vendors/current-review-*.md}
            dpa: evidence/vendors/current-dpa.pdf
          - id: expired
            name: Expired
            owner: v@acme.test
            criticality: high
            data: [personal]
            assurance: [{kind: iso27001, path: evidence/vendors/expired-iso-*.pdf, period_end: 2025-06-30}]
            review: {frequency: annual, path: evidence/vendors/expired-review-*.md}
            dpa: evidence/vendors/expired-dpa.pdf
          - id: missing
            name: Missing
            owner: w@acme.test
            criticality: medium
            assurance: [{kind: soc2-type1, path: evidence/vendors/missing-*.pdf, period_end: 2026-03-31}]
          - id: low
            name: Low
            owner: w@acme.test
            criticality: low
          - id: asked
            name: Questionnaire
            owner: w@acme.test
            criticality: medium
            assurance: [{kind: questionnaire, path: evidence/vendors/asked-sig-*.csv}]
            review: {frequency: annual, path: evidence/vendors/asked-sig-*.csv}

        """

    static func policy(_ id: String, approved: String?, body: String = "Text.", extra: String = "") -> String {
        let approval = approved.map { "approved_by: ceo@acme.test\napproved: \($0)\n" } ?? ""
        return "---\nid: \(id)\ntitle: Policy \(id)\nowner: p@acme.test\nversion: \"1.0\"\n\(approval)review: annual\n"
            + extra + "---\n# Policy \(id)\n\n\(body)\n"
    }

    static func workspace() -> GitFixture {
        let repo = GitFixture("dossier-registers")
        repo.write("controls.yaml", controls)
        repo.write("risks.yaml", risks)
        repo.write("evidence/vendors/expired-review-2025.md", "old review\n")
        repo.commit("register", date: "2025-06-01")
        repo.write("vendors.yaml", vendors)
        repo.write("evidence/vendors/current-soc2-2025.pdf", "report\n")
        repo.write("evidence/vendors/current-dpa.pdf", "dpa\n")
        repo.write("evidence/vendors/expired-iso-2025.pdf", "report\n")
        repo.write("evidence/vendors/asked-sig-answers.csv", "q,a\n")
        repo.write("policies/edited.md", policy("P-1", approved: "2026-02-01"))
        repo.write("policies/front-matter-only.md", policy("P-2", approved: "2026-02-01"))
        repo.write("policies/overdue.md", policy("P-3", approved: "2025-05-01"))
        repo.write("policies/draft.md", policy("P-4", approved: nil))
        repo.write(
            "policies/acknowledged.md",
            policy(
                "P-5", approved: "2026-02-01",
                extra:
                    "acknowledgement:\n  path: evidence/people/acks-*.csv\n  tests:\n    - covers: {column: email, from: evidence/people/roster-*.csv}\n"
            ))
        repo.commit("January", date: "2026-01-20")
        repo.write("evidence/vendors/current-review-2026.md", "review\n")
        repo.write("policies/edited.md", policy("P-1", approved: "2026-02-01", body: "Text, edited."))
        repo.write(
            "policies/front-matter-only.md",
            policy("P-2", approved: "2026-02-01").replacingOccurrences(of: "p@acme.test", with: "q@acme.test"))
        repo.write("policies/late.md", policy("P-6", approved: "2026-02-01"))
        repo.commit("March", date: "2026-03-05")
        repo.write("policies/late.md", policy("P-6", approved: "2026-02-01", body: "Changed later."))
        repo.write(
            "policies/reacknowledge.md",
            policy("P-7", approved: "2026-06-01", extra: "acknowledgement: evidence/people/old-acks-*.csv\n"))
        repo.write("evidence/people/old-acks-2026-05.csv", "email\nada@acme.test\n")
        repo.commit("May", date: "2026-05-01")
        repo.write("evidence/access/mfa-2026-07.csv", "user\nada\n")
        repo.write("evidence/people/roster-2026-07.csv", "email\nada@acme.test\nbob@acme.test\ncy@acme.test\n")
        repo.write("evidence/people/acks-2026-07.csv", "email\nada@acme.test\nbob@acme.test\n")
        repo.commit("July", date: "2026-07-01")
        // After the as-of day: neither a review of the register nor a change of a policy yet.
        repo.write("risks.yaml", risks + "# reviewed again\n")
        repo.write("policies/front-matter-only.md", policy("P-2", approved: "2026-02-01", body: "Edited in August."))
        repo.commit("August", date: "2026-08-01")
        return repo
    }

    static let judged: Assessment = {
        let repo = workspace()
        return AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
    }()

    @Test func theWorkspaceIsValid() {
        let problems = Self.judged.diagnostics.filter { $0.severity != .note }
        #expect(problems.isEmpty, "\(problems.map { "\($0.code) \($0.file ?? "") \($0.message)" })")
    }

    @Test func risks() throws {
        let risks = try #require(Self.judged.registers.risks)
        // Last changed 2025-06-01 (the August commit is after the as-of day): stale for an annual review.
        #expect(risks.lastReviewed == CalendarDay(iso: "2025-06-01") && risks.review == .stale)
        #expect(risks.freshUntil == CalendarDay(iso: "2026-06-02"))
        let byID = Dictionary(uniqueKeysWithValues: risks.risks.map { ($0.risk.id, $0) })
        #expect(byID["R-1"]!.exposedBy.isEmpty && !byID["R-1"]!.overAppetite)  // residual 8 is not above 8
        #expect(byID["R-2"]!.exposedBy == ["AC-002"] && !byID["R-2"]!.overAppetite)
        #expect(byID["R-3"]!.acceptance == .expired && byID["R-3"]!.overAppetite)
        #expect(byID["R-4"]!.acceptance == .pending && byID["R-4"]!.overAppetite)
        #expect(byID["R-5"]!.acceptance == nil && byID["R-5"]!.overAppetite)
        #expect(byID["R-6"]!.acceptance == .current && !byID["R-6"]!.overAppetite)  // `until` is the last day
    }

    @Test func vendors() throws {
        let vendors = try #require(Self.judged.registers.vendors).vendors
        let byID = Dictionary(uniqueKeysWithValues: vendors.map { ($0.vendor.id, $0) })
        #expect(byID["current"]!.assurance == .current && !byID["current"]!.reviewOverdue)
        #expect(byID["current"]!.reports[0].currentUntil == CalendarDay(iso: "2026-09-30"))
        #expect(!byID["current"]!.dpaMissing)
        #expect(byID["expired"]!.assurance == .expired && byID["expired"]!.reviewOverdue)
        #expect(byID["expired"]!.dpaMissing)
        #expect(byID["missing"]!.assurance == .missing && byID["missing"]!.reviewOverdue)  // medium, no review
        #expect(byID["low"]!.assurance == .notRequired && !byID["low"]!.reviewOverdue)
        #expect(byID["asked"]!.assurance == .current)  // a questionnaire answered within a year
    }

    @Test func policies() throws {
        let policies = Self.judged.registers.policies
        let byID = Dictionary(uniqueKeysWithValues: policies.map { ($0.policy.id, $0) })
        #expect(policies.map(\.policy.path) == policies.map(\.policy.path).sorted())
        #expect(byID["P-1"]!.changedOn == CalendarDay(iso: "2026-03-05"))  // first committed before approval
        #expect(byID["P-2"]!.changedOn == nil)  // front matter only; the body edit is after the as-of day
        #expect(byID["P-3"]!.reviewOverdue && byID["P-3"]!.nextReview == CalendarDay(iso: "2026-05-02"))
        #expect(byID["P-4"]!.policy.isDraft && byID["P-4"]!.needsApproval && !byID["P-4"]!.reviewOverdue)
        #expect(byID["P-5"]!.acknowledgement?.state == .failing && byID["P-5"]!.acknowledgementGap)
        #expect(byID["P-6"]!.changedOn == CalendarDay(iso: "2026-05-01"))  // first committed after approval
        #expect(!byID["P-5"]!.needsApproval && !byID["P-5"]!.reviewOverdue)
        // Acknowledged before version 1.0 was approved on 2026-06-01: fresh by date, but of an older text.
        #expect(byID["P-7"]!.acknowledgement?.state == .fresh && byID["P-7"]!.acknowledgedBeforeApproval)
        #expect(byID["P-7"]!.acknowledgementGap && !byID["P-5"]!.acknowledgedBeforeApproval)
    }

    @Test func gapsGoToTheirOwnersInGroupOrder() {
        let gaps = Self.judged.registers.gaps
        let summary = gaps.map { "\($0.kind.rawValue) \($0.subject.id) \($0.owner ?? "-")" }
        #expect(
            summary == [
                "review-risk-register risks.yaml sec@acme.test",
                "treat-risks R-4 b@acme.test",
                "treat-risks R-5 b@acme.test",
                "renew-acceptances R-3 b@acme.test",
                "collect-vendor-reports expired v@acme.test",
                "collect-vendor-reports expired v@acme.test",
                "collect-vendor-reports missing w@acme.test",
                "review-vendors expired v@acme.test",
                "review-vendors missing w@acme.test",
                "reapprove-policies P-4 p@acme.test",
                "reapprove-policies P-1 p@acme.test",
                "reapprove-policies P-6 p@acme.test",
                "reapprove-policies P-3 p@acme.test",
                "collect-acknowledgements P-5 p@acme.test",
                "collect-acknowledgements P-7 p@acme.test",
            ], "\(summary)")
        #expect(Self.judged.strictFailure?.contains("registers: 1 review the risk register") == true)
        let list = GapList(Self.judged.readiness, registers: Self.judged.registers)
        #expect(list.gaps.filter { $0.register != nil }.count == gaps.count)
    }

    @Test func theReportCarriesEachRegister() throws {
        let report = ReadinessReport(Self.judged)
        let risks = try #require(report.risks)
        #expect(risks.reviewState == "stale" && risks.risks.count == 6)
        #expect(risks.risks.first { $0.id == "R-2" }?.exposedBy == ["AC-002"])
        #expect(risks.risks.first { $0.id == "R-3" }?.acceptance?.state == "expired")
        #expect(
            report.vendors?.vendors.map(\.assurance) == ["current", "expired", "missing", "not-required", "current"])
        #expect(report.policies?.policies.count == 7)
        #expect(report.policies?.policies.first { $0.id == "P-7" }?.acknowledgedBeforeApproval == true)
        #expect(report.policies?.policies.first { $0.id == "P-4" }?.draft == true)
    }

    @Test func aWorkspaceWithoutRegistersHasNone() {
        let repo = GitFixture("dossier-no-registers")
        repo.write("controls.yaml", Self.controls)
        repo.commit(date: "2026-01-01")
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        #expect(assessment.registers.isEmpty && assessment.registers.gaps.isEmpty)
        let report = ReadinessReport(assessment)
        #expect(report.risks == nil && report.vendors == nil && report.policies == nil)
    }
}
