import DossierMarkdown

/// One narrative: a Markdown file under `narratives/`, or one a control names, split from its front matter.
public struct Narrative: Sendable {
    /// Workspace-relative path.
    public var path: String
    public var frontMatter: NarrativeFrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// File line of the body's first line, so every reported line points into the file.
    public var bodyFirstLine: Int
    /// Ids of the controls whose `narrative:` names this file, in control-map order.
    public var citedBy: [String]
    /// Why the narrative cannot be rendered (too large, too wide a table, not UTF-8), if it cannot.
    public var failure: NarrativeFailure?
    /// Every resolved link and reference, in document order (empty when `failure` is set).
    public var references: [NarrativeReference]
    /// Bracketed ids that look like control or criterion references but name none (warned about): the site
    /// keeps them as text with a marker.
    public var unknownReferences: Set<String> = []

    /// The title for people: the front matter's, else the first heading's, else the file name.
    public var title: String {
        if let title = frontMatter.title, !title.trimmingWhitespace().isEmpty { return title }
        if let heading = firstHeading { return heading }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    /// Text of the first heading, found when the narrative was checked.
    public var firstHeading: String?
}

/// A narrative Dossier refuses to render, with where and why.
public struct NarrativeFailure: Sendable, Hashable {
    public var message: String
    public var hint: String
    public var line: Int?
    public var column: Int?

    public init(message: String, hint: String, line: Int? = nil, column: Int? = nil) {
        self.message = message
        self.hint = hint
        self.line = line
        self.column = column
    }
}
