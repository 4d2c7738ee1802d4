/// The auditor's request list: the requests and the auditor's own column order, for writing it back.
public struct RequestList: Sendable {
    public static let file = "requests.yaml"

    /// The header of the CSV the list was imported from, in the auditor's order.
    public var columns: [String] = []
    public var requests: [AuditRequest] = []

    public init(columns: [String] = [], requests: [AuditRequest] = []) {
        self.columns = columns
        self.requests = requests
    }
}
