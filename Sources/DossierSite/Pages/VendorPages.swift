import DossierCore
import Foundation

/// `vendors.html` (every vendor with its assurance, review and DPA) and `subprocessors.html` (the vendors that
/// process personal data, as a page a team can publish to its customers).
enum VendorPages {
    static func vendors(_ result: VendorRegisterResult, _ context: SiteContext) -> PageSpec {
        let page = SitePaths.vendors
        let rows = result.vendors.map { v -> [String: Any] in
            let vendor = v.vendor
            return [
                "id": vendor.id, "anchor": "vendor-" + SitePaths.sanitize(vendor.id), "name": vendor.name,
                "service": SiteContext.null(vendor.service), "owner": vendor.owner,
                "criticality": vendor.criticality.rawValue,
                "data": vendor.data.map(\.rawValue).joined(separator: ", "), "hasData": !vendor.data.isEmpty,
                "subprocessor": vendor.subprocessor,
                "assurance": assuranceBadge(v.assurance),
                "reports": v.reports.map { report -> [String: Any] in
                    [
                        "kind": report.report.kind.rawValue, "path": report.report.path,
                        "periodEnd": SiteContext.null(report.report.periodEnd?.description),
                        "currentUntil": SiteContext.null(report.currentUntil?.description),
                        "current": report.isCurrent,
                        "files": report.files.map { context.fileRow($0, from: page) },
                        "hasFiles": !report.files.isEmpty,
                    ]
                },
                "hasReports": !v.reports.isEmpty,
                "review": v.review.map { evidence($0, context, page) } ?? NSNull(),
                "reviewFrequency": SiteContext.null(vendor.review?.frequency.rawValue),
                "reviewOverdue": v.reviewOverdue,
                "dpa": v.dpa.map { evidence($0, context, page) } ?? NSNull(),
                "dpaMissing": v.dpaMissing,
            ]
        }
        let data: [String: Any] = [
            "vendors": rows, "hasVendors": !rows.isEmpty, "count": rows.count,
            "subprocessorCount": result.register.subprocessors.count,
            "gapCount": result.vendors.filter { $0.assurance.isGap || $0.reviewOverdue || $0.dpaMissing }.count,
            "assuranceDays": RegisterJudge.assuranceDays,
        ]
        return PageSpec(path: page, template: "vendors", title: "Vendors", section: "vendors", data: data)
    }

    static func subprocessors(_ result: VendorRegisterResult, _ context: SiteContext) -> PageSpec {
        let rows = result.register.subprocessors.map { vendor -> [String: Any] in
            [
                "name": vendor.name, "service": SiteContext.null(vendor.service),
                "data": vendor.data.filter { $0 != .none }.map(\.rawValue).joined(separator: ", "),
            ]
        }
        let data: [String: Any] = ["subprocessors": rows, "hasSubprocessors": !rows.isEmpty, "count": rows.count]
        return PageSpec(
            path: SitePaths.subprocessors, template: "subprocessors", title: "Subprocessors", section: "vendors",
            data: data)
    }

    static func assuranceBadge(_ state: AssuranceState) -> [String: Any] {
        switch state {
        case .current: SiteContext.badge(state.rawValue, "current assurance", "ok")
        case .expired: SiteContext.badge(state.rawValue, "assurance expired", "bad")
        case .missing: SiteContext.badge(state.rawValue, "no assurance", "bad")
        case .notRequired: SiteContext.badge(state.rawValue, "assurance not required", "muted")
        }
    }

    /// A register's evidence glob as the control pages show a requirement: badge, newest file, fresh until.
    static func evidence(_ q: RequirementResult, _ context: SiteContext, _ page: String) -> [String: Any] {
        [
            "path": q.requirement.path, "badge": SiteContext.evidenceBadge(q.state),
            "newest": SiteContext.null(q.newest?.description),
            "freshUntil": SiteContext.null(q.freshUntil?.description),
            "files": q.files.prefix(3).map { context.fileRow($0, from: page) },
        ]
    }
}
