/// One line per register for `check`'s text report and the dashboard's cards.
extension RegisterResults {
    public struct SummaryLine: Sendable {
        public var name: String
        public var text: String
        /// Nothing to do about this register.
        public var isClear: Bool
    }

    /// `Risks     6 risks (appetite 8): 1 exposed, 0 over appetite, 1 accepted (0 expired); reviewed …`.
    public var summaryLines: [SummaryLine] {
        var lines: [SummaryLine] = []
        let gaps = self.gaps
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        if let risks {
            let accepted = risks.risks.filter { $0.acceptance != nil }.count
            let parts = [
                "\(risks.exposed.count) exposed", "\(risks.overAppetite.count) over appetite",
                "\(accepted) accepted (\(risks.expiredAcceptances.count) expired)",
            ]
            var review = "never reviewed"
            if let reviewed = risks.lastReviewed {
                review = "reviewed \(reviewed), " + (risks.review == .stale ? "stale" : "")
                if risks.review == .fresh { review += risks.freshUntil.map { "fresh until \($0)" } ?? "fresh" }
            }
            let kinds: Set<RegisterGap.Kind> = [.reviewRiskRegister, .treatRisks, .renewAcceptances]
            lines.append(
                SummaryLine(
                    name: "Risks",
                    text: "\(count(risks.risks.count, "risk", "risks")) (appetite \(risks.register.appetite)): "
                        + parts.joined(separator: ", ") + "; " + review,
                    isClear: !gaps.contains { kinds.contains($0.kind) } && risks.exposed.isEmpty))
        }
        if let vendors {
            let list = vendors.vendors
            let parts = [
                "\(list.filter(\.assurance.isGap).count) without current assurance",
                count(list.filter(\.reviewOverdue).count, "review due", "reviews due"),
                count(list.filter(\.dpaMissing).count, "DPA missing", "DPAs missing"),
            ]
            let kinds: Set<RegisterGap.Kind> = [.collectVendorReports, .reviewVendors]
            lines.append(
                SummaryLine(
                    name: "Vendors",
                    text: "\(count(list.count, "vendor", "vendors")) "
                        + "(\(count(list.filter(\.vendor.subprocessor).count, "subprocessor", "subprocessors"))): "
                        + parts.joined(separator: ", "),
                    isClear: !gaps.contains { kinds.contains($0.kind) }))
        }
        if hasPolicies {
            var parts: [String] = []
            let drafts = policies.filter(\.policy.isDraft).count
            if drafts > 0 { parts.append("\(drafts) not approved yet") }
            parts.append(count(policies.filter(\.reviewOverdue).count, "review overdue", "reviews overdue"))
            parts.append("\(policies.filter(\.changedSinceApproval).count) changed since approval")
            let acks = policies.filter(\.acknowledgementGap).count
            if acks > 0 { parts.append(count(acks, "acknowledgement to collect", "acknowledgements to collect")) }
            let kinds: Set<RegisterGap.Kind> = [.reapprovePolicies, .collectAcknowledgements]
            lines.append(
                SummaryLine(
                    name: "Policies",
                    text: "\(count(policies.count, "policy", "policies")): " + parts.joined(separator: ", "),
                    isClear: !gaps.contains { kinds.contains($0.kind) }))
        }
        return lines
    }

    /// The to-do sections of `check`, one per kind, items as `ID title (owner) — detail`.
    public var toDoSections: [ToDoList.Section] {
        let gaps = self.gaps
        return RegisterGap.Kind.allCases.map { kind in
            ToDoList.Section(
                title: kind.title,
                items: gaps.filter { $0.kind == kind }.map { gap in
                    let who = gap.owner.map { " (\($0))" } ?? ""
                    let subject = gap.subject == .riskRegister ? RiskRegister.file : "\(gap.subject.id) \(gap.title)"
                    return "\(subject)\(who) — \(gap.detail)"
                })
        }
    }
}
