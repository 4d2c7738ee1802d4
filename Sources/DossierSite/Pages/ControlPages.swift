import DossierCore
import Foundation

/// `controls/index.html` (a table that scripts can filter by state, owner and category) and a page per control.
enum ControlPages {
    static func index(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.controlsIndex
        let r = context.readiness
        let rows = r.controls.map { c -> [String: Any] in
            let categories = SiteContext.categories(of: c.control)
            return [
                "id": c.control.id, "title": c.control.title, "href": context.controlLink(c.control.id, from: page),
                "owner": c.control.owner, "frequency": c.control.frequency.rawValue,
                "status": c.control.status.rawValue,
                "badge": SiteContext.controlBadge(c.state),
                "categories": categories.map(\.title).joined(separator: ", "),
                "categoryIDs": categories.map(\.rawValue).joined(separator: " "),
                "criteria": c.control.criteria.joined(separator: ", "),
            ]
        }
        var owners: [String] = []
        for c in r.controls where !owners.contains(c.control.owner) { owners.append(c.control.owner) }
        owners.sort {
            $0.lowercased() != $1.lowercased()
                ? $0.lowercased() < $1.lowercased() : Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8))
        }
        let states = ControlState.allCases.filter { s in r.controls.contains { $0.state == s } }.map(
            SiteContext.controlBadge)
        let categories = TrustCategory.allCases.filter { cat in
            r.controls.contains { SiteContext.categories(of: $0.control).contains(cat) }
        }
        .map { ["id": $0.rawValue, "title": $0.title] as [String: Any] }
        let data: [String: Any] = [
            "controls": rows, "hasControls": !rows.isEmpty, "count": rows.count,
            "filterStates": states, "filterOwners": owners.map { ["owner": $0] as [String: Any] },
            "filterCategories": categories,
        ]
        return PageSpec(path: page, template: "controls", title: "Controls", section: "controls", data: data)
    }

    static func page(_ c: ControlResult, _ context: SiteContext) -> PageSpec {
        let page = context.paths.controls[c.control.id]!
        let r = context.readiness
        let control = c.control
        let criteria = control.criteria.compactMap { id -> [String: Any]? in
            guard let result = r.criteria.first(where: { $0.criterion.id == id }) else { return nil }
            return CriteriaPages.row(result, context, from: page)
        }
        var narrative: Any = NSNull()
        if let path = control.narrative {
            let found = context.catalog.narrative(path)
            narrative =
                [
                    "path": path, "href": context.narrativeLink(path, from: page), "title": found?.title ?? path,
                    "summary": SiteContext.null(found?.frontMatter.summary),
                ] as [String: Any]
        }
        let requirements = c.requirements.enumerated().map { index, q in
            requirement(q, index: index, context, from: page)
        }
        // Traceability to the registers: the risks this control mitigates.
        let mitigates = (context.assessment.registers.risks?.risks ?? []).filter {
            $0.risk.controls.contains(control.id)
        }
        .map { r -> [String: Any] in
            [
                "id": r.risk.id, "title": r.risk.title, "href": context.registerLink(.risk(r.risk.id), from: page),
                "exposed": r.isExposed,
            ]
        }
        let data: [String: Any] = [
            "mitigates": mitigates, "hasMitigates": !mitigates.isEmpty,
            "id": control.id, "title": control.title, "description": SiteContext.null(control.description),
            "owner": control.owner, "frequency": control.frequency.rawValue, "status": control.status.rawValue,
            "justification": SiteContext.null(control.justification),
            "badge": SiteContext.controlBadge(c.state),
            "criteria": criteria, "narrative": narrative,
            "requirements": requirements, "hasRequirements": !requirements.isEmpty,
            "categories": SiteContext.categories(of: control).map(\.title).joined(separator: ", "),
            "gaps": context.gaps.gaps.filter { $0.controlID == control.id }.map {
                GapsPage.item($0, context, from: page)
            },
        ]
        return PageSpec(
            path: page, template: "control", title: "\(control.id) \(control.title)", section: "controls", data: data)
    }

    /// One evidence requirement: its judgement, files with provenance, Type II timeline and what is missing.
    static func requirement(_ q: RequirementResult, index: Int, _ context: SiteContext, from page: String) -> [String:
        Any]
    {
        let r = context.readiness
        let missingLabels = Set(q.missingWindows.map(\.label))
        let failingLabels = Set(q.failingWindows.map(\.label))
        let windows = q.windows.map { w -> [String: Any] in
            let state: String
            let label: String
            if failingLabels.contains(w.window.label) {
                (state, label) = ("bad", "failing tests")
            } else if w.files > 0 {
                (state, label) = ("ok", w.files == 1 ? "1 file" : "\(w.files) files")
            } else if missingLabels.contains(w.window.label) {
                (state, label) = ("bad", "no evidence")
            } else {
                (state, label) = ("open", "in progress")
            }
            return [
                "label": w.window.label, "first": w.window.first.description, "last": w.window.last.description,
                "files": w.files, "tone": state, "stateLabel": label,
            ]
        }
        var missing: [String] = []
        if q.state == .missing {
            missing.append(
                q.unusable.isEmpty
                    ? "No committed file matches \(q.requirement.path)."
                    : "No usable file matches \(q.requirement.path).")
        }
        if q.state == .stale, let newest = q.newest, let until = q.freshUntil {
            missing.append(
                "The newest file is from \(newest); it was fresh until \(until). Collect a new one (\(q.frequency.rawValue))."
            )
        }
        if q.state == .undated {
            missing.append("The matching files have no date: commit them or declare a collection date.")
        }
        if !q.missingWindows.isEmpty {
            missing.append("No evidence in " + q.missingWindows.map(\.label).joined(separator: ", ") + ".")
        }
        if q.state == .failing {
            missing.append("The newest file fails its tests: fix the export and commit it again.")
        }
        if !q.failingWindows.isEmpty {
            missing.append(
                "Every file in " + q.failingWindows.map(\.label).joined(separator: ", ") + " fails a test.")
        }
        return [
            "index": index + 1, "anchor": "req-\(index + 1)",
            "path": q.requirement.path, "description": SiteContext.null(q.requirement.description),
            "frequency": q.frequency.rawValue, "badge": SiteContext.evidenceBadge(q.state),
            "newest": SiteContext.null(q.newest?.description),
            "freshUntil": SiteContext.null(q.freshUntil?.description),
            "files": q.files.map { context.fileRow($0, from: page, requirement: q) }, "hasFiles": !q.files.isEmpty,
            "later": q.later.map { context.fileRow($0, from: page) }, "hasLater": !q.later.isEmpty,
            "unusable": q.unusable.map { context.fileRow($0, from: page) }, "hasUnusable": !q.unusable.isEmpty,
            "windows": windows, "hasWindows": !windows.isEmpty,
            "missing": missing.map { ["text": $0] as [String: Any] }, "hasMissing": !missing.isEmpty,
            "asOf": r.asOf.description,
        ].merging(EvidenceTestsData.requirement(q, context, from: page)) { a, _ in a }
    }
}
