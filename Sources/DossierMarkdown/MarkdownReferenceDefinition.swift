/// A link reference definition supplied by the caller, appended after the narrative as `[label]: <url>`.
///
/// Labels match case-insensitively, as CommonMark labels do. A definition in the narrative itself wins over
/// one supplied here, because CommonMark keeps the first definition of a label.
public struct MarkdownReferenceDefinition: Sendable, Equatable {
    /// The label as it appears between brackets, e.g. `AC-001` for `[AC-001]`.
    /// Must not be blank, start with `^`, or contain `[`, `]`, `\`, or a line break; at most 999 characters.
    public var label: String
    /// The destination. `<`, `>`, CR and LF are percent-encoded; everything else arrives verbatim.
    public var url: String

    public init(label: String, url: String) {
        self.label = label
        self.url = url
    }
}
