/// What a link or reference in a narrative points at, decided once for `check` and for the site.
public enum NarrativeTarget: Sendable, Hashable {
    /// `[AC-001]`: a control page.
    case control(String)
    /// `[CC6.1]`: a criterion page.
    case criterion(String)
    /// A relative link to a file in the evidence inventory (path bytes), with an optional fragment.
    case evidence([UInt8])
    /// A relative link to a folder holding inventory files (workspace-relative, no trailing slash).
    case evidenceFolder(String)
    /// A relative link to another narrative (workspace-relative path) and an optional heading anchor.
    case narrative(String, fragment: String?)
    /// `#heading` in the same narrative.
    case anchor(String)
    /// A URL with a scheme (`https:`, `mailto:`), left as written.
    case external
    /// A `data:image/…` source, which cmark-gfm keeps for images.
    case inlineImage
    /// A workspace file that exists but is not part of the site (so the link cannot work there).
    case unpublished(String)
    /// A relative link to nothing: the workspace-relative path it resolved to, or why it could not.
    case missing(String)
}

/// A reference found in a narrative, with where it was written.
public struct NarrativeReference: Sendable, Hashable {
    public var target: NarrativeTarget
    public var isImage: Bool
    public var line: Int
    public var column: Int

    public init(target: NarrativeTarget, isImage: Bool, line: Int, column: Int) {
        self.target = target
        self.isImage = isImage
        self.line = line
        self.column = column
    }
}
