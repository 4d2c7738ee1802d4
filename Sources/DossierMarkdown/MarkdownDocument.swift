/// The result of rendering one narrative: safe HTML plus what the site and the readiness checks need to know.
public struct MarkdownDocument: Sendable {
    /// HTML fragment (no `<html>`/`<body>`); raw HTML from the source is omitted, dangerous URLs are emptied.
    public var html: String
    /// Headings in document order; each `id` is also on the heading's tag in `html`.
    public var headings: [MarkdownHeading]
    /// Every link and image, in document order, with destinations as parsed (before `rewriteDestination`).
    public var links: [MarkdownLink]
    /// Bracketed text such as `[AC-009]` left literal because no definition matched (never inside code or links).
    public var literalBrackets: [MarkdownSpan]

    public init(html: String, headings: [MarkdownHeading], links: [MarkdownLink], literalBrackets: [MarkdownSpan]) {
        self.html = html
        self.headings = headings
        self.links = links
        self.literalBrackets = literalBrackets
    }
}
