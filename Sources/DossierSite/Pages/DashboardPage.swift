import DossierCore
import Foundation

/// `index.html`: readiness overall and per category, controls by state, the most urgent gaps, evidence that
/// expires within 30 days, and what the site was built from.
enum DashboardPage {
    static func spec(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.dashboard
        let r = context.readiness
        let categories = r.categories.filter(\.inScope).map { c -> [String: Any] in
            [
                "id": c.category.rawValue, "title": c.category.title, "percent": SiteContext.percentText(c.percent),
                "width": SiteContext.barWidth(c.percent), "covered": c.covered, "applicable": c.applicable,
                "tone": c.applicable > 0 && c.covered == c.applicable ? "ok" : c.covered == 0 ? "bad" : "warn",
                "href": SitePaths.criteriaIndex + "#category-" + c.category.rawValue,
            ]
        }
        let outOfScope = r.categories.filter { !$0.inScope }.map(\.category.title)
        let states = ControlState.allCases.map { state -> [String: Any] in
            var row = SiteContext.controlBadge(state)
            row["count"] = r.controls.filter { $0.state == state }.count
            return row
        }.filter { ($0["count"] as? Int ?? 0) > 0 }
        let urgent = context.gaps.urgent
        let urgentGroups = GapList.Kind.allCases.filter(\.isUrgent).compactMap { kind -> [String: Any]? in
            let items = urgent.filter { $0.kind == kind }
            guard !items.isEmpty else { return nil }
            let shown = items.prefix(context.options.urgentLimit).map { GapsPage.item($0, context, from: page) }
            return [
                "kind": kind.rawValue, "title": kind.title, "count": items.count, "items": Array(shown),
                "more": items.count - shown.count, "hasMore": items.count > shown.count,
            ]
        }
        let expiring = context.gaps.gaps.filter { $0.kind == .expiringEvidence }
            .sorted { ($0.due ?? r.asOf) < ($1.due ?? r.asOf) }
            .map { gap -> [String: Any] in
                [
                    "control": context.controlRef(gap.controlID ?? "", from: page),
                    "requirement": gap.requirement ?? "", "owner": SiteContext.null(gap.owner),
                    "freshUntil": gap.due?.description ?? "", "daysLeft": gap.due.map { $0.days(since: r.asOf) } ?? 0,
                ]
            }
        let data: [String: Any] = [
            "readiness": [
                "percent": SiteContext.percentText(r.percent), "width": SiteContext.barWidth(r.percent),
                "covered": r.covered, "applicable": r.applicable, "complete": r.isComplete,
            ] as [String: Any],
            "categories": categories,
            "outOfScope": outOfScope.joined(separator: ", "),
            "hasOutOfScope": !outOfScope.isEmpty,
            "controlStates": states,
            "controlCount": r.controls.count,
            "hasControls": !r.controls.isEmpty,
            "hasUnused": !r.unusedFiles.isEmpty,
            "hasProblems": r.inventory.files.contains { !$0.problems.isEmpty },
            "urgentGroups": urgentGroups,
            "hasUrgent": !urgent.isEmpty,
            "gapCount": context.gaps.gaps.filter { $0.kind != .expiringEvidence }.count,
            "expiring": expiring,
            "hasExpiring": !expiring.isEmpty,
            "expiryHorizon": GapList.expiryHorizon,
            "evidenceCount": r.inventory.files.count,
            "unusedCount": r.unusedFiles.count,
            "problemCount": r.inventory.files.filter { !$0.problems.isEmpty }.count,
            "narrativeCount": context.catalog.narratives.count,
            "registers": registerCards(context, from: page),
            "hasRegisters": !context.assessment.registers.isEmpty,
            "failingByOwner": EvidenceTestsData.byOwner(context),
            "hasFailing": !EvidenceTestsData.byOwner(context).isEmpty,
        ]
        return PageSpec(
            path: page, template: "dashboard", title: "Readiness dashboard", section: "dashboard", data: data)
    }

    /// One card per register: its summary line, a link to its page, and whether anything is to do.
    static func registerCards(_ context: SiteContext, from page: String) -> [[String: Any]] {
        let root = SitePaths.root(of: page)
        return context.assessment.registers.summaryLines.map { line -> [String: Any] in
            let href =
                switch line.name {
                case "Risks": SitePaths.risks
                case "Vendors": SitePaths.vendors
                default: SitePaths.policiesIndex
                }
            return [
                "name": line.name, "text": line.text, "href": root + href,
                "badge": line.isClear
                    ? SiteContext.badge("clear", "nothing to do", "ok") : SiteContext.badge("gaps", "to do", "warn"),
            ]
        }
    }
}
