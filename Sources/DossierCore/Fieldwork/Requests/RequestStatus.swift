/// Where a request stands on the as-of day.
public enum RequestState: String, Sendable, Codable, CaseIterable {
    /// Every link has usable evidence (dated inside the request's date range, if it names one), or the request
    /// is answered by its note alone.
    case answered
    /// Not answered yet, and not past its due date.
    case open
    /// Not answered, and the as-of day is after its due date.
    case overdue
}

/// A request with its state and the evidence files that answer it.
public struct RequestStatus: Sendable {
    public var request: AuditRequest
    public var state: RequestState
    /// The usable files that answer the request (from its controls and globs), in path order.
    public var files: [EvidenceFile]
    /// Links with no usable evidence: control ids and globs, in the request's order.
    public var unanswered: [String]

    /// Where each answering file is in an audit bundle (`data/<path>`).
    public var bundlePaths: [String] { files.map { "data/" + $0.displayPath } }
}
