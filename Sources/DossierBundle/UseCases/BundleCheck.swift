import DossierGit
import Glibc

/// The `dossier verify` use case: the bundle's signature first (an archive whose signature fails is not
/// read at all), then the bag (``BundleVerifier``), then whether bag-info.txt names the key that signed.
public struct BundleCheck: Sendable {
    public var bundle: String
    /// OpenSSH allowed_signers file to check the signer against; nil to only check that a signature, if
    /// present, is valid for the archive and report its key.
    public var allowedSigners: String?
    /// The identity that must have signed; nil to accept any identity the allowed-signers file lists for the key.
    public var signer: String?

    public init(bundle: String, allowedSigners: String? = nil, signer: String? = nil) {
        self.bundle = bundle
        self.allowedSigners = allowedSigners
        self.signer = signer
    }

    public func run() throws(BundleCheckError) -> VerificationReport {
        let signature = try checkSignature()
        var report: VerificationReport
        do {
            report = try BundleVerifier().verify(path: bundle)
        } catch {
            throw .unreadable(error)
        }
        report.signature = signature
        if let recorded = report.signingKey {
            if signature.status == .unsigned {
                report.problems.append(
                    "bag-info.txt says the bundle was signed by \(recorded), but \(signature.path) is missing")
            } else if let key = signature.key, key != recorded {
                report.problems.append("bag-info.txt names the signing key \(recorded), but \(key) signed the bundle")
            }
            report.intact = report.problems.isEmpty
        }
        return report
    }

    private func checkSignature() throws(BundleCheckError) -> SignatureReport {
        let path = BundleSigning.signaturePath(ofBundle: bundle)
        guard access(path, F_OK) == 0 else {
            if allowedSigners != nil {
                throw .signature("\(path) is missing: the bundle is not signed")
            }
            return SignatureReport(status: .unsigned, path: path)
        }
        let keygen: SSHKeygen
        do {
            keygen = try SSHKeygen.installed(for: "check \(path)")
        } catch {
            throw .cannotCheck(error.description)
        }
        do {
            guard let allowedSigners else {
                let check = try keygen.checkWithoutSigners(
                    file: bundle, signature: path, namespace: BundleSigning.namespace)
                return SignatureReport(status: .signerNotChecked, path: path, key: check.key.description)
            }
            guard access(allowedSigners, R_OK) == 0 else {
                throw BundleCheckError.cannotCheck(
                    "cannot read the allowed signers file \(allowedSigners): \(String(cString: strerror(errno)))")
            }
            let identities: [String]
            if let signer {
                identities = [signer]
            } else {
                identities = try keygen.principals(signature: path, allowedSigners: allowedSigners)
            }
            var lastError: SSHKeygenError?
            for identity in identities {
                do {
                    let check = try keygen.verify(
                        file: bundle, signature: path, allowedSigners: allowedSigners, identity: identity,
                        namespace: BundleSigning.namespace)
                    return SignatureReport(
                        status: .verified, path: path, signer: identity, key: check.key.description)
                } catch {
                    lastError = error
                }
            }
            throw lastError
                ?? SSHKeygenError(
                    reason: .failed(status: 1), action: "verify \(path)", message: "no principal matched")
        } catch let error as BundleCheckError {
            throw error
        } catch let error as SSHKeygenError {
            if case .notInstalled = error.reason { throw .cannotCheck(error.description) }
            throw .signature("the signature does not verify: \(error.message)")
        } catch {
            throw .signature("\(error)")
        }
    }
}

/// Why `dossier verify` gave no report on the bag.
public enum BundleCheckError: Error, Sendable, CustomStringConvertible {
    /// The signature is missing (when signers were given), malformed, made by a key the allowed-signers
    /// file does not list for the identity, in another namespace, or not over these bytes. Exit 1.
    case signature(String)
    /// ssh-keygen is missing, or the allowed-signers file cannot be read. Exit 2.
    case cannotCheck(String)
    /// The file cannot be read as an archive. Exit 2.
    case unreadable(VerifyError)

    public var description: String {
        switch self {
        case .signature(let message), .cannotCheck(let message): message
        case .unreadable(let error): error.message
        }
    }
}
