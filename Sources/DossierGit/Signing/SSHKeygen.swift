import Foundation

/// Signs and verifies files with OpenSSH's `ssh-keygen -Y` (PROTOCOL.sshsig), the way git does for
/// `gpg.format=ssh`: Dossier never parses a private key, so a key in ssh-agent or on a hardware token works
/// exactly as it does for git, and an auditor's stock `ssh-keygen` checks what Dossier signed.
///
/// Each call runs ssh-keygen once, with a small allow-listed environment (`SSH_AUTH_SOCK` for the agent),
/// in a session of its own (it cannot stop to prompt for a passphrase: such a key must be in the agent),
/// with a timeout that kills its process group. Files go to it as standard input opened by the child, so a
/// bundle of any size is streamed, never held in memory.
public struct SSHKeygen: Sendable {
    let executable: String
    /// Seconds one call may take: signing through an agent that asks for a touch on a hardware key is the
    /// slowest case.
    public var timeoutSeconds = 120

    /// nil when ssh-keygen is not installed.
    public init?() {
        guard let executable = ProcessRunner.find("ssh-keygen") else { return nil }
        self.executable = executable
    }

    /// Like ``init()``, but throws the error to show when ssh-keygen is missing.
    public static func installed(for action: String) throws(SSHKeygenError) -> SSHKeygen {
        guard let keygen = SSHKeygen() else {
            throw SSHKeygenError(reason: .notInstalled, action: action, message: "")
        }
        return keygen
    }

    // MARK: - Keys

    /// The key's fingerprint and type, from a public or a private key file (`ssh-keygen -l`).
    public func fingerprint(ofKey keyFile: String) throws(SSHKeygenError) -> SSHKeyFingerprint {
        let action = "read the key \(keyFile)"
        let output = try run(["-l", "-f", keyFile], stdinFile: nil, action: action)
        // `256 SHA256:… comment (ED25519)`; the comment may hold spaces.
        let text = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let words = text.split(separator: " ")
        guard words.count >= 2, words[1].hasPrefix("SHA256:") else {
            throw SSHKeygenError(reason: .failed(status: 0), action: action, message: "unexpected output: \(text)")
        }
        let type = words.count >= 3 && words.last!.hasPrefix("(") ? String(words.last!.dropFirst().dropLast()) : ""
        return SSHKeyFingerprint(fingerprint: String(words[1]), keyType: type)
    }

    // MARK: - Signatures

    /// An armored `SSH SIGNATURE` over the file's bytes in `namespace`, made with `keyFile` (a private key,
    /// or a public key whose private half is in ssh-agent).
    public func sign(file: String, keyFile: String, namespace: String) throws(SSHKeygenError) -> [UInt8] {
        let signature = try run(
            ["-Y", "sign", "-n", namespace, "-f", keyFile], stdinFile: file, action: "sign \(file) with \(keyFile)")
        guard signature.starts(with: Array("-----BEGIN SSH SIGNATURE-----".utf8)) else {
            throw SSHKeygenError(
                reason: .failed(status: 0), action: "sign \(file)", message: "ssh-keygen wrote no signature")
        }
        return signature
    }

    /// Checks that `signature` is `identity`'s signature over the file in `namespace`, with a key that
    /// `allowedSigners` (OpenSSH's allowed_signers format) lists for that identity and namespace.
    public func verify(
        file: String, signature: String, allowedSigners: String, identity: String, namespace: String
    ) throws(SSHKeygenError) -> SSHSignatureCheck {
        let output = try run(
            ["-Y", "verify", "-f", allowedSigners, "-I", identity, "-n", namespace, "-s", signature],
            stdinFile: file, action: "verify the signature \(signature)")
        return try SSHSignatureCheck(goodLine: output, identity: identity, action: "verify the signature \(signature)")
    }

    /// The identities that `allowedSigners` lists for the key that made `signature` (not yet a check of the
    /// signature over any bytes: follow with ``verify(file:signature:allowedSigners:identity:namespace:)``).
    public func principals(signature: String, allowedSigners: String) throws(SSHKeygenError) -> [String] {
        let output = try run(
            ["-Y", "find-principals", "-f", allowedSigners, "-s", signature], stdinFile: nil,
            action: "find the signer of \(signature) in \(allowedSigners)")
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    /// Checks that `signature` is a valid signature over the file in `namespace` by the key it carries,
    /// without asking whose key that is (`ssh-keygen -Y check-novalidate`).
    public func checkWithoutSigners(file: String, signature: String, namespace: String) throws(SSHKeygenError)
        -> SSHSignatureCheck
    {
        let action = "check the signature \(signature)"
        let output = try run(
            ["-Y", "check-novalidate", "-n", namespace, "-s", signature], stdinFile: file, action: action)
        return try SSHSignatureCheck(goodLine: output, identity: nil, action: action)
    }

    // MARK: - Running

    /// What ssh-keygen needs and nothing more: PATH, HOME (for `~/.ssh`), the agent's socket, a temp dir.
    static func environment() -> [String: String] {
        var environment = ["LC_ALL": "C", "PATH": ProcessEnvironment.value("PATH") ?? "/usr/bin:/bin"]
        for key in ["HOME", "SSH_AUTH_SOCK", "TMPDIR"] { environment[key] = ProcessEnvironment.value(key) }
        return environment
    }

    private func run(_ arguments: [String], stdinFile: String?, action: String) throws(SSHKeygenError) -> [UInt8] {
        let result: ProcessRunner.Result
        do {
            result = try ProcessRunner.run(
                executable, arguments, environment: Self.environment(), stdinFile: stdinFile ?? "/dev/null",
                limits: ProcessRunner.Limits(seconds: timeoutSeconds, maxOutputBytes: 1 << 20))
        } catch {
            throw SSHKeygenError(reason: .failed(status: -1), action: action, message: "\(error)")
        }
        switch result.killed {
        case .timedOut(let seconds)?:
            throw SSHKeygenError(
                reason: .killed, action: action, message: "ssh-keygen did not finish within \(seconds) s")
        case .tooMuchOutput?:
            throw SSHKeygenError(reason: .killed, action: action, message: "ssh-keygen wrote too much output")
        case nil: break
        }
        guard result.status == 0 else {
            let said = result.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty && $0 != "Signing data on standard input" }
            throw SSHKeygenError(
                reason: .failed(status: result.status), action: action,
                message: said.isEmpty ? "ssh-keygen exited with status \(result.status)" : said.joined(separator: "; "))
        }
        return result.stdout
    }
}
