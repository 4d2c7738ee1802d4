/// Judges every request of a list against the readiness of the same run.
public enum RequestStatuses {
    public static func evaluate(_ list: RequestList, readiness: Readiness) -> [RequestStatus] {
        list.requests.map { evaluate($0, readiness) }
    }

    static func evaluate(_ request: AuditRequest, _ readiness: Readiness) -> RequestStatus {
        let asOf = readiness.asOf
        func counts(_ file: EvidenceFile) -> Bool {
            guard file.isUsable, let date = file.date, date <= asOf else { return false }
            guard let period = request.period else { return true }
            return period.start <= date && date <= period.end
        }
        var answering: [[UInt8]: EvidenceFile] = [:]
        var unanswered: [String] = []
        for id in request.controls {
            let files = (readiness.control(id)?.requirements ?? []).flatMap(\.files).filter(counts)
            if files.isEmpty { unanswered.append(id) }
            for file in files { answering[file.path] = file }
        }
        for glob in request.evidence {
            let files = readiness.inventory.files(matching: Glob(glob)).filter(counts)
            if files.isEmpty { unanswered.append(glob) }
            for file in files { answering[file.path] = file }
        }
        let answered =
            request.hasLinks ? unanswered.isEmpty : !(request.note?.trimmingWhitespace().isEmpty ?? true)
        let state: RequestState =
            answered ? .answered : (request.due.map { asOf > $0 } ?? false) ? .overdue : .open
        let files = answering.values.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        return RequestStatus(request: request, state: state, files: files, unanswered: unanswered)
    }

    /// Statuses grouped by assignee (unassigned last), each group in list order.
    public static func byAssignee(_ statuses: [RequestStatus]) -> [(assignee: String?, requests: [RequestStatus])] {
        var order: [String?] = []
        var groups: [String?: [RequestStatus]] = [:]
        for status in statuses {
            let key = status.request.assignee
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(status)
        }
        let sorted = order.compactMap { $0 }.sorted() + (order.contains(nil) ? [nil] : [])
        return sorted.map { ($0, groups[$0]!) }
    }
}
