/// Writes the request list back as CSV in the auditor's own column order, with each request's status and
/// the bundle paths of the evidence that answers it: what `dossier requests export` writes and the bundle
/// carries as `requests.csv`.
public enum RequestExport {
    public static let statusColumn = "Status"
    public static let evidenceColumn = "Answered by"
    /// The columns of a list that was not imported from a CSV.
    public static let defaultColumns = ["Request ID", "Description", "Criteria", "Controls", "Due Date", "Assignee"]

    /// The header: the auditor's columns, then `Status` and `Answered by` unless the list already has them.
    public static func header(_ columns: [String]) -> [String] {
        var header = columns.isEmpty ? defaultColumns : columns
        for extra in [statusColumn, evidenceColumn]
        where !header.contains(where: { $0.lowercased() == extra.lowercased() }) {
            header.append(extra)
        }
        return header
    }

    public static func csv(columns: [String], statuses: [RequestStatus]) -> [UInt8] {
        let header = header(columns)
        var table = CSVTable(header: header)
        for status in statuses {
            table.append(header.map { cell($0, status) })
        }
        return table.bytes
    }

    static func cell(_ column: String, _ status: RequestStatus) -> String {
        let request = status.request
        switch column.lowercased() {
        case statusColumn.lowercased(): return status.state.rawValue
        case evidenceColumn.lowercased(): return status.bundlePaths.joined(separator: "\n")
        default: break
        }
        switch RequestColumn.recognise(column) {
        case .id: return request.id
        case .description: return request.description
        case .criteria: return request.criteria.joined(separator: ", ")
        case .control: return request.controls.joined(separator: ", ")
        case .due: return request.due?.description ?? ""
        case .assignee: return request.assignee ?? ""
        case .period: return request.period.map { "\($0.start)..\($0.end)" } ?? ""
        case nil: return request.cells[column] ?? ""
        }
    }
}
