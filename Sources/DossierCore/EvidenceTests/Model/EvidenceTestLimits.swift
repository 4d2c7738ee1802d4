/// Bounds on the work one evidence file can cause: evidence is untrusted data. Each broken bound is a test
/// failure that names it, never a crash or a hang. Documented in README ("Evidence tests").
public struct EvidenceTestLimits: Sendable, Hashable {
    /// Longest CSV/TSV record (all its cells' bytes) and longest text line.
    public var maxRecordBytes = 1 << 20
    /// Most cells in one CSV/TSV record.
    public var maxCells = 10_000
    /// Largest JSON file parsed (it is read whole, unlike CSV and text, which stream). The parsed tree takes
    /// about five times the file in memory (15 MiB of JSON peaked at 99 MiB), so 16 MiB keeps a run near 100 MiB.
    public var maxJSONBytes = 16 << 20
    /// Largest YAML evidence file parsed (libyaml builds a tree; see `YAMLLimits`).
    public var maxYAMLBytes = 4 << 20
    /// Most distinct values a `unique` or `covers` test remembers from one file.
    public var maxDistinctValues = 2_000_000

    public init() {}

    public static let `default` = EvidenceTestLimits()
}
