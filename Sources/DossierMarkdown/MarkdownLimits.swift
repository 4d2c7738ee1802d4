/// Bounds checked on the source bytes before cmark-gfm sees them.
///
/// Debian's cmark-gfm 0.29.0.gfm.6 has inputs that cost far more than their size: a wide table is quadratic
/// (5,000 columns × 200 rows took 14 s), a short row under a wide header is padded to the full width, and a
/// reference link copies its definition's URL and title at every use. Each limit below refuses one of those
/// before parsing, with the line that broke it.
public struct MarkdownLimits: Sendable, Equatable {
    /// Largest narrative accepted, in bytes (appended reference definitions not counted).
    public var maxBytes = 1 << 20
    /// Most cells a single line may split into at unescaped `|` (checked on every line, code included).
    public var maxTableColumns = 128
    /// Most table cells in the whole narrative, estimated as delimiter-row width × lines until the next blank line.
    public var maxTableCells = 100_000
    /// Most bytes that reference links may copy: (number of `]`) × (largest paragraph holding a definition).
    public var maxReferenceExpansion = 32 << 20

    public init() {}
}
