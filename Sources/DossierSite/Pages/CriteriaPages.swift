import DossierCore
import Foundation

/// `criteria/index.html` (grouped by category and family) and one page per criterion.
enum CriteriaPages {
    static func index(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.criteriaIndex
        let r = context.readiness
        let categories = TrustCategory.allCases.map { category -> [String: Any] in
            let result = r.categories.first { $0.category == category }
            let members = r.criteria.filter { $0.criterion.category == category }
            var familyOrder: [String] = []
            for m in members where !familyOrder.contains(m.criterion.family) { familyOrder.append(m.criterion.family) }
            let families = familyOrder.map { family -> [String: Any] in
                [
                    "family": family,
                    "criteria": members.filter { $0.criterion.family == family }.map { row($0, context, from: page) },
                ]
            }
            return [
                "id": category.rawValue, "anchor": "category-" + category.rawValue, "title": category.title,
                "inScope": result?.inScope ?? false, "percent": SiteContext.percentText(result?.percent),
                "covered": result?.covered ?? 0, "applicable": result?.applicable ?? 0, "families": families,
            ]
        }
        let counts = CriterionState.allCases.map { state -> [String: Any] in
            var badge = SiteContext.criterionBadge(state)
            badge["count"] = r.criteria.filter { $0.state == state }.count
            return badge
        }.filter { ($0["count"] as? Int ?? 0) > 0 }
        return PageSpec(
            path: page, template: "criteria", title: "Criteria", section: "criteria",
            data: ["categories": categories, "stateCounts": counts])
    }

    /// A criterion as a row: id, title, link, badge, mapping controls, exclusion reason.
    static func row(_ c: CriterionResult, _ context: SiteContext, from page: String) -> [String: Any] {
        [
            "id": c.criterion.id, "title": c.criterion.title, "href": context.criterionLink(c.criterion.id, from: page),
            "badge": SiteContext.criterionBadge(c.state),
            "controls": c.controls.map { context.controlRef($0, from: page) }, "hasControls": !c.controls.isEmpty,
            "exclusionReason": SiteContext.null(c.exclusionReason),
        ]
    }

    static func page(_ c: CriterionResult, _ context: SiteContext) -> PageSpec {
        let page = context.paths.criteria[c.criterion.id]!
        let explanation: String
        switch c.state {
        case .covered: explanation = "At least one ready control maps to this criterion."
        case .partial: explanation = "Controls map to this criterion, but none of them is ready yet."
        case .uncovered: explanation = "No control maps to this criterion yet."
        case .excluded: explanation = "This criterion is excluded from the audit."
        case .outOfScope: explanation = "The \(c.criterion.category.title) category is not in scope."
        }
        var data = row(c, context, from: page)
        data["category"] = c.criterion.category.title
        data["family"] = c.criterion.family
        data["explanation"] = explanation
        // The policies that name this criterion in their front matter.
        let policies = context.assessment.registers.policies.filter { $0.policy.criteria.contains(c.criterion.id) }
            .map { p -> [String: Any] in
                [
                    "id": p.policy.id, "title": p.policy.title, "href": context.policyLink(p.policy.path, from: page),
                    "needsApproval": p.needsApproval,
                ]
            }
        data["policies"] = policies
        data["hasPolicies"] = !policies.isEmpty
        return PageSpec(
            path: page, template: "criterion", title: "\(c.criterion.id) \(c.criterion.title)", section: "criteria",
            data: data)
    }
}
