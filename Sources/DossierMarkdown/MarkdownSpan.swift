/// A piece of source text with its position, e.g. a bracketed `[AC-009]` that did not become a link.
public struct MarkdownSpan: Sendable, Equatable {
    public var text: String
    /// 1-based line.
    public var line: Int
    /// 1-based UTF-8 byte column.
    public var column: Int

    public init(text: String, line: Int, column: Int) {
        self.text = text
        self.line = line
        self.column = column
    }
}
