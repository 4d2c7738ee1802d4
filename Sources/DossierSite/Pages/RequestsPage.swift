import DossierCore
import Foundation

/// `requests.html`: the auditor's request list grouped by assignee, each request with its state, due date,
/// the evidence that answers it and the links that have none yet.
enum RequestsPage {
    static func spec(_ context: SiteContext) -> PageSpec {
        let page = SitePaths.requests
        let book = context.assessment.requests ?? RequestBook(columns: [], statuses: [])
        var taken = Set<String>()
        let groups = RequestStatuses.byAssignee(book.statuses).map { group -> [String: Any] in
            let name = group.assignee ?? "Unassigned"
            let anchor = SitePaths.unique("assignee-" + SitePaths.sanitize(name.lowercased()), &taken)
            return [
                "assignee": name, "anchor": anchor, "count": group.requests.count,
                "notAnswered": group.requests.filter { $0.state != .answered }.count,
                "requests": group.requests.map { row($0, context, from: page) },
            ]
        }
        let counts = RequestState.allCases.map { state -> [String: Any] in
            ["state": state.rawValue, "count": book.count(state), "tone": tone(state)]
        }
        let data: [String: Any] = [
            "groups": groups, "hasRequests": !book.statuses.isEmpty, "count": book.statuses.count, "counts": counts,
        ]
        return PageSpec(path: page, template: "requests", title: "Requests", section: "requests", data: data)
    }

    static func row(_ status: RequestStatus, _ context: SiteContext, from page: String) -> [String: Any] {
        let request = status.request
        return [
            "id": request.id,
            "anchor": "request-" + SitePaths.sanitize(request.id),
            "description": request.description,
            "criteria": request.criteria.map { id -> [String: Any] in
                ["id": id, "href": SOC2Catalog.criterion(id) == nil ? NSNull() : context.criterionLink(id, from: page)]
            },
            "controls": request.controls.map { ["id": $0, "href": context.controlLink($0, from: page)] },
            "due": SiteContext.null(request.due?.description),
            "period": SiteContext.null(request.period.map { "\($0.start) to \($0.end)" }),
            "note": SiteContext.null(request.note),
            "badge": ["tone": tone(status.state), "state": status.state.rawValue, "label": status.state.rawValue],
            "files": status.files.map { file -> [String: Any] in
                [
                    "path": file.displayPath, "pathSegments": SiteContext.pathSegments(file.displayPath),
                    "href": context.evidenceLink(file.path, from: page),
                ]
            },
            "hasFiles": !status.files.isEmpty,
            "unanswered": status.unanswered.map { ["link": $0] },
            "hasUnanswered": !status.unanswered.isEmpty,
        ]
    }

    static func tone(_ state: RequestState) -> String {
        switch state {
        case .answered: "ok"
        case .open: "warn"
        case .overdue: "bad"
        }
    }
}
