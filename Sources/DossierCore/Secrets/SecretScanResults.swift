/// What the secret scan found in the files a bundle would ship.
public struct SecretScanResults: Sendable {
    /// Every finding, acknowledged or not, ordered by path, line and kind.
    public var findings: [SecretFinding] = []
    /// Files read and scanned in this run.
    public var scanned = 0
    /// Files whose findings were remembered by git blob id instead of read again.
    public var remembered = 0

    public init() {}

    public var unacknowledged: [SecretFinding] { findings.filter { !$0.isAcknowledged } }
    public var acknowledged: [SecretFinding] { findings.filter(\.isAcknowledged) }

    /// The findings in one file (its shown path).
    public func findings(in path: String) -> [SecretFinding] { findings.filter { $0.path == path } }
}
