import DossierCore
import Foundation

/// `gaps.html`: everything to do before the audit, grouped by owner (then by kind), so each owner sees a list.
enum GapsPage {
    static func spec(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.gaps
        var taken = Set<String>()
        let owners = context.gaps.byOwner.map { group -> [String: Any] in
            let name = group.owner ?? "No owner yet"
            let anchor = SitePaths.unique("owner-" + SitePaths.sanitize(name.lowercased()), &taken)
            let kinds = GapList.Kind.allCases.compactMap { kind -> [String: Any]? in
                let items = group.gaps.filter { $0.kind == kind }
                guard !items.isEmpty else { return nil }
                return [
                    "kind": kind.rawValue, "title": kind.title, "count": items.count,
                    "items": items.map { item($0, context, from: page) },
                ]
            }
            let open = group.gaps.filter { $0.kind != .expiringEvidence }.count
            return [
                "owner": name, "unowned": group.owner == nil, "anchor": anchor, "count": group.gaps.count,
                "openCount": open, "groups": kinds,
                "failingCount": EvidenceTestsData.failingRequirements(group.gaps),
                "hasFailing": group.gaps.contains { $0.kind == .failingEvidence },
            ]
        }
        let data: [String: Any] = [
            "owners": owners,
            "hasGaps": !owners.isEmpty,
            "gapCount": context.gaps.gaps.count,
            "expiryHorizon": GapList.expiryHorizon,
        ]
        return PageSpec(path: page, template: "gaps", title: "Gaps by owner", section: "gaps", data: data)
    }

    /// One gap for a template: `{kind, kindTitle, tone, subject, subjectTitle, href, owner, requirement, detail}`.
    static func item(_ gap: GapList.Gap, _ context: SiteContext, from page: String) -> [String: Any] {
        var subject = ""
        var title = ""
        var href = ""
        if let id = gap.controlID {
            subject = id
            title = context.readiness.control(id)?.control.title ?? ""
            href = context.controlLink(id, from: page)
        } else if let register = gap.register {
            subject = register == .riskRegister ? "Risk register" : register.id
            title = register == .riskRegister ? "" : gap.registerTitle ?? ""
            href = context.registerLink(register, from: page)
        } else if let id = gap.criterionID {
            subject = id
            title = SOC2Catalog.criterion(id)?.title ?? ""
            href = context.criterionLink(id, from: page)
        }
        let tone: String
        switch gap.kind {
        case .uncoveredCriterion, .missingEvidence, .failingEvidence, .missingWindow: tone = "bad"
        case .staleEvidence, .undatedEvidence, .unusableEvidence, .partialCriterion, .expiringEvidence: tone = "warn"
        case .plannedControl: tone = "plan"
        case .treatRisks, .collectVendorReports: tone = "bad"
        case .reviewRiskRegister, .renewAcceptances, .reviewVendors, .reapprovePolicies, .collectAcknowledgements:
            tone = "warn"
        }
        return [
            "kind": gap.kind.rawValue, "kindTitle": gap.kind.title, "tone": tone,
            "subject": subject, "subjectTitle": title, "href": href,
            "owner": gap.owner ?? "No owner yet", "requirement": SiteContext.null(gap.requirement),
            "detail": gap.detail,
        ]
    }
}
