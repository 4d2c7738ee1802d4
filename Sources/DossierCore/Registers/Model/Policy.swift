/// A policy: `policies/*.md`, its front matter (id, owner, version, approval, review cycle, criteria) and its
/// text, which is rendered like a narrative.
public struct Policy: Sendable {
    public static let folder = "policies"

    public var id: String
    public var title: String
    public var owner: String
    public var version: String
    /// Who approved this version, and when; both nil for a draft that no one approved yet.
    public var approvedBy: String?
    public var approved: CalendarDay?
    public var review: Frequency
    public var criteria: [String]
    /// Evidence of who accepted this version: a glob, with optional tests (e.g. `covers` the roster).
    public var acknowledgement: EvidenceRequirement?
    /// The file and its text, checked like a narrative's (links, control and criterion references).
    public var document: Narrative
    /// Where the policy's id is written (line and column in the file).
    public var mark: SourceMark

    public var path: String { document.path }
    public var isDraft: Bool { approved == nil }
}
