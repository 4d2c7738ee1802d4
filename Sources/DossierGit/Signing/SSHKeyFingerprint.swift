/// A public key's SHA-256 fingerprint as OpenSSH prints it (`SHA256:…`), and its type (`ED25519`, `ECDSA`).
public struct SSHKeyFingerprint: Sendable, Hashable, Codable, CustomStringConvertible {
    public var fingerprint: String
    public var keyType: String

    public init(fingerprint: String, keyType: String) {
        self.fingerprint = fingerprint
        self.keyType = keyType
    }

    /// `ED25519 SHA256:…`, the form bag-info and `dossier verify` show.
    public var description: String { keyType.isEmpty ? fingerprint : "\(keyType) \(fingerprint)" }
}
