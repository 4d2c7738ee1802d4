/// The outcome of `dossier verify`: a summary an auditor can paste into working papers, and every problem.
/// Field names are the `--json` interface: add, never rename. Properties are camelCase; `dossier verify --json`
/// writes them snake_case (`asOf` → `as_of`).
public struct VerificationReport: Codable, Sendable {
    /// The archive's file name.
    public var bundle: String
    public var path: String
    /// SHA-256 of the archive file, lowercase hex.
    public var sha256: String
    public var size: Int64
    public var intact: Bool
    /// The bag's folder inside the archive.
    public var name: String?
    public var organization: String?
    public var commit: String?
    public var asOf: String?
    /// Payload files found (under `data/`).
    public var files: Int
    /// Payload bytes found.
    public var bytes: Int64
    public var problems: [String]
    /// `clean`, or `dirty (--allow-dirty): …` when the bundle shipped working copies (bag-info.txt's
    /// `Dossier-Working-Tree`); nil when the bag does not say.
    public var workingTree: String?
    /// Each `Dossier-Dirty-File` of bag-info.txt: `path (modified)`, `path (untracked, not in the bundle)`.
    public var dirtyFiles: [String] = []
    /// Each `Dossier-Secret-Acknowledged` of bag-info.txt: `path:line:kind (reason)`.
    public var secretsAcknowledged: [String] = []
    /// Each `Dossier-Secret-Allowed`: a finding nobody acknowledged, shipped with `--allow-secrets`.
    public var secretsAllowed: [String] = []
    /// bag-info.txt's `Dossier-Signing-Key` (`ED25519 SHA256:…`): the key the bundle says signed it.
    public var signingKey: String?
    /// What `<bundle>.sig` proved (set by ``BundleCheck``).
    public var signature: SignatureReport?
}

/// `dossier verify` could not read the file as an archive at all (exit 2, not a verdict about a bundle).
public struct VerifyError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
