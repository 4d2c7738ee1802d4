/// One item of the auditor's request list (the "PBC" list, provided by client), as kept in `requests.yaml`.
public struct AuditRequest: Sendable, Hashable {
    public var id: String
    public var description: String
    /// Trust Services Criteria the auditor referenced (`CC6.1`); kept as written.
    public var criteria: [String] = []
    /// Controls whose evidence answers the request.
    public var controls: [String] = []
    /// Workspace globs whose files answer the request.
    public var evidence: [String] = []
    /// A written answer (or where to find it); a request with a note and no links counts as answered.
    public var note: String?
    public var due: CalendarDay?
    public var assignee: String?
    /// The date range the request names ("changes made between …"): linked evidence must be dated inside it.
    public var period: AuditPeriod?
    /// The auditor's other columns, by header, kept so the list can be written back as it came.
    public var cells: [String: String] = [:]
    /// Where the request starts in `requests.yaml` (or its line in the imported CSV).
    public var mark: SourceMark?

    public init(id: String, description: String = "") {
        self.id = id
        self.description = description
    }

    /// Whether anything links the request to an answer.
    public var hasLinks: Bool { !controls.isEmpty || !evidence.isEmpty }
}
