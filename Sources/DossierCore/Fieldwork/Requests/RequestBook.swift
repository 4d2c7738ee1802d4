/// A request list as judged in one run: the auditor's columns and each request's status.
public struct RequestBook: Sendable {
    public var columns: [String]
    public var statuses: [RequestStatus]

    public init(columns: [String], statuses: [RequestStatus]) {
        self.columns = columns
        self.statuses = statuses
    }

    public func count(_ state: RequestState) -> Int { statuses.filter { $0.state == state }.count }
}
