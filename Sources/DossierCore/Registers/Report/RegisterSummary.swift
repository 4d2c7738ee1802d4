/// One line per register for `check`'s text report and the dashboard's cards.
extension RegisterResults {
    public struct SummaryLine: Sendable {
        public var name: String
        public var text: String
        /// Nothing to do about this register.
        public var isClear: Bool
    }

    public var summaryLines: [SummaryLine] {
        var lines: [SummaryLine] = []
        let gaps = self.gaps
        if let risks {
            var parts = ["\(risks.risks.count) risk\(risks.risks.count == 1 ? "" : "s")"]
            parts.append("\(risks.exposed.count) exposed")
            parts.append("\(risks.overAppetite.count) over appetite \(risks.register.appetite)")
            let accepted = risks.risks.filter { $0.acceptance != nil }.count
            parts.append("\(accepted) accepted (\(risks.expiredAcceptances.count) expired)")
            switch risks.review {
            case .never: parts.append("never reviewed")
            case .fresh, .stale:
                parts.append(
                    "reviewed \(risks.lastReviewed!)" + (risks.review == .stale ? ", stale" : "")
                        + (risks.freshUntil.map { risks.review == .stale ? "" : ", fresh until \($0)" } ?? ""))
            }
            let kinds: Set<RegisterGap.Kind> = [.reviewRiskRegister, .treatRisks, .renewAcceptances]
            lines.append(
                SummaryLine(
                    name: "Risks", text: parts.joined(separator: ", "),
                    isClear: !gaps.contains { kinds.contains($0.kind) } && risks.exposed.isEmpty))
        }
        if let vendors {
            let list = vendors.vendors
            var parts = [
                "\(list.count) vendor\(list.count == 1 ? "" : "s") (\(list.filter(\.vendor.subprocessor).count) subprocessors)"
            ]
            parts.append("\(list.filter(\.assurance.isGap).count) without current assurance")
            parts.append("\(list.filter(\.reviewOverdue).count) reviews due")
            parts.append("\(list.filter(\.dpaMissing).count) missing DPAs")
            let kinds: Set<RegisterGap.Kind> = [.collectVendorReports, .reviewVendors]
            lines.append(
                SummaryLine(
                    name: "Vendors", text: parts.joined(separator: ", "),
                    isClear: !gaps.contains { kinds.contains($0.kind) }))
        }
        if hasPolicies {
            var parts = ["\(policies.count) polic\(policies.count == 1 ? "y" : "ies")"]
            let drafts = policies.filter(\.policy.isDraft).count
            if drafts > 0 { parts.append("\(drafts) not approved yet") }
            parts.append("\(policies.filter(\.reviewOverdue).count) review overdue")
            parts.append("\(policies.filter(\.changedSinceApproval).count) changed since approval")
            let acks = policies.filter(\.acknowledgementGap).count
            if acks > 0 { parts.append("\(acks) acknowledgements to collect") }
            let kinds: Set<RegisterGap.Kind> = [.reapprovePolicies, .collectAcknowledgements]
            lines.append(
                SummaryLine(
                    name: "Policies", text: parts.joined(separator: ", "),
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
