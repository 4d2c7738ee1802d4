import DossierGit
import DossierMarkdown

/// Judges the registers as of the as-of date: a pure function of the sources, the judged readiness (control
/// states, the evidence inventory), test outcomes and the registers' git history.
public struct RegisterJudge: Sendable {
    public var asOf: CalendarDay
    public var map: ControlMap

    public init(asOf: CalendarDay, map: ControlMap) {
        self.asOf = asOf
        self.map = map
    }

    public func judge(
        _ sources: RegisterSources, readiness: Readiness, tests: EvidenceTestResults, history: GitFileLog
    ) -> RegisterResults {
        var results = RegisterResults()
        if let register = sources.risks {
            results.risks = judge(register, readiness, history)
        }
        if let register = sources.vendors {
            results.vendors = VendorRegisterResult(
                register: register,
                vendors: register.vendors.map { judge($0, readiness.inventory) })
        }
        results.policies = sources.policies.map { judge($0, readiness.inventory, tests, history) }
        return results
    }

    // MARK: - Risks

    func judge(_ register: RiskRegister, _ readiness: Readiness, _ history: GitFileLog) -> RiskRegisterResult {
        let reviewed = days(of: RiskRegister.file, history).first
        var freshUntil: CalendarDay?
        var state = ReviewState.never
        if let reviewed {
            state = .fresh
            if let window = register.review.freshnessWindow {
                freshUntil = reviewed.adding(days: window + map.graceDays)
                if asOf > freshUntil! { state = .stale }
            }
        }
        let risks = register.risks.map { risk in
            let exposedBy = risk.controls.filter { readiness.control($0)?.isReady != true }
            let acceptance = risk.acceptance.map { accepted -> AcceptanceState in
                asOf < accepted.on ? .pending : asOf > accepted.until ? .expired : .current
            }
            let over = risk.effective.value > register.appetite && acceptance != .current
            return RiskResult(risk: risk, exposedBy: exposedBy, overAppetite: over, acceptance: acceptance)
        }
        return RiskRegisterResult(
            register: register, lastReviewed: reviewed, freshUntil: freshUntil, review: state, risks: risks)
    }

    // MARK: - Vendors

    /// A report counts for 12 months after the end of the period it covers.
    public static let assuranceDays = 365

    func judge(_ vendor: Vendor, _ inventory: EvidenceInventory) -> VendorResult {
        let reports = vendor.assurance.map { report -> AssuranceResult in
            let requirement = evaluate(EvidenceRequirement(path: report.path), .annual, inventory)
            var until: CalendarDay?
            if let end = report.periodEnd {
                until = end.adding(days: Self.assuranceDays + map.graceDays)
            } else if report.kind == .questionnaire {
                until = requirement.freshUntil
            }
            let current = !requirement.files.isEmpty && requirement.newest != nil && until.map { asOf <= $0 } == true
            return AssuranceResult(
                report: report, files: requirement.files, unusable: requirement.unusable, isCurrent: current,
                currentUntil: until)
        }
        let state: AssuranceState
        if reports.contains(where: \.isCurrent) {
            state = .current
        } else if !vendor.needsAssurance {
            state = .notRequired
        } else {
            state = reports.contains { !$0.files.isEmpty } ? .expired : .missing
        }
        let review = vendor.review.map { evaluate(EvidenceRequirement(path: $0.path), $0.frequency, inventory) }
        let dpa = vendor.dpa.map { evaluate(EvidenceRequirement(path: $0), .once, inventory) }
        return VendorResult(vendor: vendor, reports: reports, assurance: state, review: review, dpa: dpa)
    }

    // MARK: - Policies

    func judge(
        _ policy: Policy, _ inventory: EvidenceInventory, _ tests: EvidenceTestResults, _ history: GitFileLog
    ) -> PolicyResult {
        var nextReview: CalendarDay?
        var overdue = false
        if let approved = policy.approved, let window = policy.review.freshnessWindow {
            nextReview = approved.adding(days: window)
            overdue = asOf.days(since: approved) > window + map.graceDays
        }
        var acknowledgement: RequirementResult?
        if let requirement = policy.acknowledgement {
            var result = evaluate(requirement, policy.review, inventory)
            if !requirement.tests.isEmpty {
                ReadinessEngine(asOf: asOf).judgeTests(&result, undated, tests)
            }
            acknowledgement = result
        }
        return PolicyResult(
            policy: policy, nextReview: nextReview, reviewOverdue: overdue,
            changedOn: changedOn(policy, history), acknowledgement: acknowledgement)
    }

    /// The first day after the approval that a commit changed the policy's text (front matter aside) from the
    /// text in force on the approval day: the newest commit on or before that day, or, for a policy first
    /// committed after its approval, the first commit.
    func changedOn(_ policy: Policy, _ history: GitFileLog) -> CalendarDay? {
        guard let approved = policy.approved else { return nil }
        let changes = (history.changes[policy.path] ?? []).filter { CalendarDay(unixTime: $0.authorTime) <= asOf }
        guard !changes.isEmpty else { return nil }
        let baselineIndex =
            changes.firstIndex { CalendarDay(unixTime: $0.authorTime) <= approved }
            ?? changes.count - 1
        let later = changes[..<baselineIndex].filter { CalendarDay(unixTime: $0.authorTime) > approved }
        guard !later.isEmpty else { return nil }
        let baseline = changes[baselineIndex]
        let versions = history.versions(of: policy.path, at: [baseline.hash] + later.map(\.hash))
        guard let original = versions[baseline.hash].map(Self.text) else { return nil }
        // Oldest first: the first commit whose text differs is the day the policy left its approved text.
        for change in later.reversed() {
            if let text = versions[change.hash].map(Self.text), text != original {
                return CalendarDay(unixTime: change.authorTime)
            }
        }
        return nil
    }

    /// A policy's text without its front matter, trailing white space ignored.
    static func text(_ bytes: [UInt8]) -> String {
        let body = MarkdownSource.splitFrontMatter(String(decoding: bytes, as: UTF8.self)).body
        let unix = String(String.UnicodeScalarView(body.unicodeScalars.filter { $0 != "\r" }))
        var lines = unix.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var text = String(line)
            while let last = text.last, last == " " || last == "\t" { text.removeLast() }
            return text
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    // MARK: - Shared

    /// Days of the commits that changed `path`, on or before the as-of date, newest first.
    func days(of path: String, _ history: GitFileLog) -> [CalendarDay] {
        (history.changes[path] ?? []).map { CalendarDay(unixTime: $0.authorTime) }.filter { $0 <= asOf }
    }

    /// A register's evidence glob judged as a control's requirement would be, at `frequency`.
    func evaluate(
        _ requirement: EvidenceRequirement, _ frequency: Frequency, _ inventory: EvidenceInventory
    ) -> RequirementResult {
        var requirement = requirement
        requirement.frequency = frequency
        let holder = Control(
            id: "register", title: "", owner: "", frequency: frequency, criteria: [], status: .implemented)
        return ReadinessEngine(asOf: asOf).evaluate(requirement, of: holder, in: undated, inventory).0
    }

    /// The control map without its audit period: registers are judged on the as-of date, not in Type II windows.
    var undated: ControlMap {
        var plain = map
        plain.period = nil
        return plain
    }
}
