/// A line of a file the bundle would ship that looks like it holds a credential, and whether someone
/// acknowledged it in `.dossier-secrets`. The secret itself is never kept.
public struct SecretFinding: Sendable, Hashable {
    /// The file, as shown (workspace-relative).
    public var path: String
    /// 1-based; a CSV header column finding is on line 1.
    public var line: Int
    public var kind: SecretScanner.Kind
    /// The reason written in `.dossier-secrets` for this finding; nil when nobody acknowledged it.
    public var acknowledgement: String?

    public init(path: String, line: Int, kind: SecretScanner.Kind, acknowledgement: String? = nil) {
        self.path = path
        self.line = line
        self.kind = kind
        self.acknowledgement = acknowledgement
    }

    /// `path:line:kind`: what a line of `.dossier-secrets` starts with to acknowledge this finding.
    public var fingerprint: String { "\(path):\(line):\(kind.rawValue)" }

    public var isAcknowledged: Bool { acknowledgement != nil }

    static func displayOrder(_ a: SecretFinding, _ b: SecretFinding) -> Bool {
        if a.path != b.path { return a.path.utf8.lexicographicallyPrecedes(b.path.utf8) }
        return (a.line, a.kind) < (b.line, b.kind)
    }
}
