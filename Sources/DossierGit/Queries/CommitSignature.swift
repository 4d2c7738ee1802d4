/// What git says about a commit's signature (`%G?`, `%GS`, `%GF`), as checked by git itself with the
/// repository's own setup (for SSH signatures, `gpg.ssh.allowedSignersFile`).
public struct CommitSignature: Sendable, Hashable, Codable {
    /// git's `%G?`: `G` good and verified, `U` good but the key's validity unknown (an SSH key the allowed
    /// signers do not list), `B` bad, `X`/`Y` expired, `R` revoked, `E` cannot be checked, `N` none (also
    /// for an SSH-signed commit when no allowed-signers file is configured).
    public var status: String
    /// The signer git names (for SSH, the allowed-signers identity); empty when none.
    public var signer: String
    /// The signing key's fingerprint (`SHA256:…` for SSH); empty when none.
    public var fingerprint: String

    public init(status: String, signer: String = "", fingerprint: String = "") {
        self.status = status
        self.signer = signer
        self.fingerprint = fingerprint
    }

    public static let unsigned = CommitSignature(status: "N")

    /// Signed, and git verified the signature with a key it trusts.
    public var isVerified: Bool { status == "G" }

    /// For provenance: `verified`, `unverified`, `bad`, `unsigned`.
    public var label: String {
        switch status {
        case "G": "verified"
        case "N": "unsigned"
        case "B": "bad"
        default: "unverified"
        }
    }
}
