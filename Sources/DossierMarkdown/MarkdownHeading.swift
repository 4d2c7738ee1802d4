/// A heading of the narrative, with the `id` that was put on its HTML tag.
public struct MarkdownHeading: Sendable, Equatable {
    /// 1 to 6.
    public var level: Int
    /// Plain text of the inline content: text, code and image alt text; line breaks become spaces; raw HTML dropped.
    public var text: String
    /// GitHub-style slug of `text`, unique within the document (`intro`, `intro-1`, …); `section` when empty.
    public var id: String
    /// 1-based line where the heading starts.
    public var line: Int

    public init(level: Int, text: String, id: String, line: Int) {
        self.level = level
        self.text = text
        self.id = id
        self.line = line
    }
}
