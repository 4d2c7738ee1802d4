import Foundation

/// A signature ssh-keygen accepted: the key that made it and, when checked against allowed signers, whose
/// key that is.
public struct SSHSignatureCheck: Sendable, Hashable {
    /// The identity (principal) the allowed-signers file names; nil when no signers were consulted.
    public var identity: String?
    public var key: SSHKeyFingerprint

    /// Reads ssh-keygen's `Good "ns" signature [for ID] with ED25519 key SHA256:…` line.
    init(goodLine output: [UInt8], identity: String?, action: String) throws(SSHKeygenError) {
        let text = String(decoding: output, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Good \"") }),
            let with = line.range(of: " with ", options: .backwards)
        else {
            throw SSHKeygenError(
                reason: .failed(status: 0), action: action, message: "ssh-keygen did not report a good signature")
        }
        // `ED25519 key SHA256:…`
        let words = line[with.upperBound...].split(separator: " ")
        guard words.count == 3, words[1] == "key", words[2].hasPrefix("SHA256:") else {
            throw SSHKeygenError(
                reason: .failed(status: 0), action: action, message: "unexpected ssh-keygen output: \(line)")
        }
        self.identity = identity
        self.key = SSHKeyFingerprint(fingerprint: String(words[2]), keyType: String(words[0]))
    }
}
