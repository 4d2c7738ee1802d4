/// What `dossier verify` found about `<bundle>.sig`. Field names are part of the `--json` interface.
public struct SignatureReport: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Checked against an allowed-signers file: the identity below signed this archive.
        case verified
        /// A valid signature over this archive by the key below; whose key that is was not checked (no
        /// allowed-signers file was given).
        case signerNotChecked = "signer-not-checked"
        /// No `<bundle>.sig` beside the archive.
        case unsigned
    }

    public var status: Status
    /// The signature file's path.
    public var path: String
    /// The identity the allowed-signers file gives the key (`verified` only).
    public var signer: String?
    /// `ED25519 SHA256:…`.
    public var key: String?
}
