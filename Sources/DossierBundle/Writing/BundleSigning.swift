import DossierGit
import Glibc

/// Signs a written bundle: `<bundle>.sig` beside it, an armored SSH signature (OpenSSH's PROTOCOL.sshsig)
/// over the archive's bytes in the namespace `dossier-bundle`, made by `ssh-keygen -Y sign` as git does for
/// `gpg.format=ssh`. An auditor checks it with stock OpenSSH:
/// `ssh-keygen -Y verify -f allowed_signers -I IDENTITY -n dossier-bundle -s BUNDLE.sig < BUNDLE`.
public enum BundleSigning {
    /// The namespace every bundle signature is made in, so that a signature made for anything else (a git
    /// commit, a file) with the same key is not accepted for a bundle.
    public static let namespace = "dossier-bundle"

    /// Where a bundle's signature lives.
    public static func signaturePath(ofBundle path: String) -> String { path + ".sig" }

    /// The key's fingerprint, read before the archive is written so that bag-info.txt can record it.
    static func fingerprint(ofKey key: String) throws(SSHKeygenError) -> SSHKeyFingerprint {
        try SSHKeygen.installed(for: "read the key \(key)").fingerprint(ofKey: key)
    }

    /// Signs the archive at `bundle` and writes `<bundle>.sig` (via a temporary file, renamed into place).
    static func sign(bundle: String, key: String) throws(SSHKeygenError) -> String {
        let signature = try SSHKeygen.installed(for: "sign \(bundle)").sign(
            file: bundle, keyFile: key, namespace: namespace)
        let path = signaturePath(ofBundle: bundle)
        let temporary = path + ".partial"
        let written = signature.withUnsafeBytes { bytes -> Int32? in
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { return errno }
            if let error = FileDescriptorIO.writeAll(fd, bytes) {
                close(fd)
                return error
            }
            return close(fd) == 0 ? nil : errno
        }
        guard written == nil, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(written ?? errno))
            unlink(temporary)
            throw SSHKeygenError(
                reason: .failed(status: 0), action: "write \(path)", message: message)
        }
        return path
    }
}
