import DossierCore
import Foundation

/// `policies/index.html` and a page per policy: a header of version, owner, approval and next review, then the
/// text rendered like a narrative's, with its references to controls and criteria as links.
enum PolicyPages {
    static func index(_ results: [PolicyResult], _ context: SiteContext) -> PageSpec {
        let page = SitePaths.policiesIndex
        let rows = results.map { row($0, context, from: page) }
        let data: [String: Any] = [
            "policies": rows, "hasPolicies": !rows.isEmpty, "count": rows.count,
            "toApprove": results.filter(\.needsApproval).count,
        ]
        return PageSpec(path: page, template: "policies", title: "Policies", section: "policies", data: data)
    }

    static func page(_ p: PolicyResult, _ context: SiteContext) -> PageSpec {
        let page = context.paths.policies[p.policy.path]!
        var data = row(p, context, from: page)
        data["approvedBy"] = SiteContext.null(p.policy.approvedBy)
        data["acknowledgement"] = p.acknowledgement.map { VendorPages.evidence($0, context, page) } ?? NSNull()
        data.merge(NarrativePages.content(p.policy.document, context, page: page)) { _, new in new }
        return PageSpec(path: page, template: "policy", title: p.policy.title, section: "policies", data: data)
    }

    /// What the index and the page share about a policy.
    static func row(_ p: PolicyResult, _ context: SiteContext, from page: String) -> [String: Any] {
        let policy = p.policy
        var flags: [[String: Any]] = []
        if policy.isDraft { flags.append(SiteContext.badge("draft", "not approved yet", "warn")) }
        if p.changedSinceApproval {
            flags.append(SiteContext.badge("changed", "edited after approval", "bad"))
        }
        if p.reviewOverdue { flags.append(SiteContext.badge("review-overdue", "review overdue", "warn")) }
        if p.acknowledgementGap {
            flags.append(SiteContext.badge("acknowledgements", "acknowledgements to collect", "warn"))
        }
        if flags.isEmpty { flags.append(SiteContext.badge("approved", "approved", "ok")) }
        return [
            "id": policy.id, "path": policy.path, "title": policy.title,
            "href": context.policyLink(policy.path, from: page),
            "owner": policy.owner, "version": policy.version,
            "approved": SiteContext.null(policy.approved?.description),
            "review": policy.review.rawValue, "nextReview": SiteContext.null(p.nextReview?.description),
            "flags": flags, "changedOn": SiteContext.null(p.changedOn?.description),
            "criteria": policy.criteria.compactMap { id in
                context.readiness.criteria.first { $0.criterion.id == id }.map {
                    CriteriaPages.row($0, context, from: page)
                }
            },
            "hasCriteria": !policy.criteria.isEmpty,
        ]
    }
}
