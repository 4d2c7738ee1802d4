/// Bounds that keep `dossier verify` safe on a hostile archive: it streams and never extracts, so the cost
/// of a bomb is time, and these stop it early.
public struct VerifyLimits: Sendable {
    public var maxEntries = 1_000_000
    /// Largest single entry, as declared or as read.
    public var maxEntryBytes: Int64 = 64 << 30
    /// Largest sum of all entries.
    public var maxTotalBytes: Int64 = 256 << 30
    /// Tag files (`bag-info.txt`, manifests) are held in memory to be parsed.
    public var maxTagFileBytes = 64 << 20
    /// Uncompressed bytes per byte of archive above which it is refused as over-compressed (a zip bomb).
    /// Real evidence (CSV, logs, PDFs) deflates 2–20×; a bomb approaches deflate's limit of ~1000×.
    public var maxCompressionRatio: Int64 = 200
    /// Bytes read before the ratio applies, so that a small bundle of very repetitive text still passes.
    public var ratioAllowance: Int64 = 64 << 20

    public init() {}
}
