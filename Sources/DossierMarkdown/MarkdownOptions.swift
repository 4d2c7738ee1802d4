/// How one narrative is rendered.
public struct MarkdownOptions: Sendable {
    /// Bounds checked before parsing.
    public var limits = MarkdownLimits()
    /// Extra link reference definitions appended after the source (so line numbers do not move), letting shortcut
    /// references like `[AC-001]` or `[CC6.1]` in a narrative become links. They are checked and written out
    /// when set, so options set up once and copied for each narrative do that work once.
    public var referenceDefinitions: [MarkdownReferenceDefinition] = [] {
        didSet {
            preparedDefinitions = Result { () throws(MarkdownError) in
                try ReferenceDefinitionText(referenceDefinitions)
            }
        }
    }
    /// `referenceDefinitions` as CommonMark text, or why they cannot be written (thrown by `render`).
    private(set) var preparedDefinitions: Result<ReferenceDefinitionText, MarkdownError> = .success(.empty)
    /// Called for every link and image destination after parsing; return a new destination, or nil to keep it.
    /// The result still goes through cmark's URL safety check and HTML escaping.
    public var rewriteDestination: (@Sendable (MarkdownLink) -> String?)? = nil
    /// Line number, in the original file, of the source's first line: set it to `bodyFirstLine` from
    /// `MarkdownSource.splitFrontMatter` so every reported line (errors included) points into the file.
    public var firstLine = 1
    /// Whether to render HTML. Without it (`dossier check`, which needs only headings, links and literal
    /// brackets) the document's `html` is empty and the rest is the same: heading ids still avoid cmark's
    /// footnote ids, which are then read from a rendering made only when the source can hold a footnote.
    public var rendersHTML = true

    public init() {}
}
