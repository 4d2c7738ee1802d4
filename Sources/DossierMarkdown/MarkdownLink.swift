/// A link or image destination found in the parsed narrative.
public struct MarkdownLink: Sendable, Equatable {
    /// The destination as cmark resolved it (escapes and entities decoded, reference definitions applied).
    public var destination: String
    /// `true` for `![alt](src)`, `false` for links (inline, reference, autolink).
    public var isImage: Bool
    /// 1-based line of the link's first character, as cmark-gfm reports it (shifted by `MarkdownOptions.firstLine`).
    public var line: Int
    /// 1-based UTF-8 byte column, as cmark-gfm reports it (extension autolinks can be one column early).
    public var column: Int

    public init(destination: String, isImage: Bool, line: Int, column: Int) {
        self.destination = destination
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}
