import DossierTestSupport
import Foundation
import Testing

/// `dossier bundle --sign` and `dossier verify --allowed-signers`, checked against stock OpenSSH both ways.
@Suite struct SignedBundleTests {
    /// A key pair made by `ssh-keygen` (no passphrase) and an allowed_signers file naming it.
    struct Key {
        let directory: TemporaryDirectory
        let identity: String
        var privateKey: String { directory.path + "/id" }
        var publicKey: String { directory.path + "/id.pub" }
        var allowedSigners: String { directory.path + "/allowed_signers" }

        init(type: String = "ed25519", identity: String = "ada@example.com") {
            directory = TemporaryDirectory("dossier-key")
            self.identity = identity
            tool(
                "ssh-keygen", ["-q", "-t", type, "-N", "", "-C", identity, "-f", directory.path + "/id"],
                package: "openssh-client")
            let publicKey = (try? String(contentsOfFile: directory.path + "/id.pub", encoding: .utf8)) ?? ""
            directory.write("allowed_signers", "\(identity) namespaces=\"dossier-bundle\" \(publicKey)")
        }

        var fingerprint: String {
            let line = tool("ssh-keygen", ["-l", "-f", publicKey], package: "openssh-client").stdout
            return String(line.split(separator: " ")[1])
        }
    }

    /// Runs `command` in a shell with `$1` = the bundle, exactly as the README shows it.
    func shell(_ command: String, _ bundle: String) -> Command.Result {
        Command.run("/bin/sh", ["-c", command, "sh", bundle])
    }

    @Test(arguments: ["ed25519", "ecdsa"])
    func aSignedBundleVerifiesWithStockSSHKeygenAndWithDossier(_ type: String) throws {
        let key = Key(type: type)
        let bundled = bundleCLI(extra: ["--sign", key.privateKey])
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let signature = bundled.path + ".sig"
        let text = try String(contentsOfFile: signature, encoding: .utf8)
        #expect(text.hasPrefix("-----BEGIN SSH SIGNATURE-----\n"))
        #expect(bundled.result.stdout.contains("signed  \(signature) ("))

        // The auditor's side, stock OpenSSH only (the README's command).
        let stock = shell(
            "ssh-keygen -Y verify -f \(key.allowedSigners) -I \(key.identity) -n dossier-bundle -s \"$1.sig\" < \"$1\"",
            bundled.path)
        #expect(stock.status == 0, "\(stock.stdout)\(stock.stderr)")
        #expect(stock.stdout.contains("Good \"dossier-bundle\" signature for \(key.identity)"))

        // bag-info.txt records the key before the archive existed.
        let bagInfo = BundleWorkspace.python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print(z.read([n for n in z.namelist() if n.endswith("/bag-info.txt")][0]).decode())
            """, [bundled.path])
        #expect(bagInfo.stdout.contains("Dossier-Signing-Key: \(type.uppercased()) \(key.fingerprint)\n"))

        for extra in [[], ["--signer", key.identity]] {
            let run = Dossier.run(
                ["verify", bundled.path, "--allowed-signers", key.allowedSigners] + extra, in: bundled.output.path)
            #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
            #expect(run.stdout.contains("Signature     verified: signed by \(key.identity) with "))
            #expect(run.stdout.contains(key.fingerprint))
        }
        let json = Dossier.run(
            ["verify", bundled.path, "--allowed-signers", key.allowedSigners, "--json"], in: bundled.output.path)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        let reported = try #require(document["signature"] as? [String: Any])
        #expect(reported["status"] as? String == "verified")
        #expect(reported["signer"] as? String == key.identity)
    }

    @Test func withoutAllowedSignersVerifyReportsTheKeyAndThatTheSignerWasNotChecked() {
        let key = Key()
        let bundled = bundleCLI(extra: ["--sign", key.privateKey])
        let run = Dossier.run(["verify", bundled.path], in: bundled.output.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("Signature     signed with ED25519 \(key.fingerprint); signer NOT checked"))

        let unsigned = bundleCLI()
        let plain = Dossier.run(["verify", unsigned.path], in: unsigned.output.path)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("Signature     none"))
        let demanded = Dossier.run(
            ["verify", unsigned.path, "--allowed-signers", key.allowedSigners], in: unsigned.output.path)
        #expect(demanded.status == 1)
        #expect(demanded.stderr.contains("is missing: the bundle is not signed"))
    }

    @Test func dossierVerifiesABundleThatSSHKeygenItselfSigned() {
        let key = Key()
        let bundled = bundleCLI()
        let sign = shell("ssh-keygen -Y sign -n dossier-bundle -f \(key.privateKey) \"$1\"", bundled.path)
        #expect(sign.status == 0, "\(sign.stderr)")
        let run = Dossier.run(
            ["verify", bundled.path, "--allowed-signers", key.allowedSigners, "--signer", key.identity],
            in: bundled.output.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("verified: signed by \(key.identity)"))
    }

    @Test func aPublicKeyWhosePrivateHalfIsInTheAgentSigns() throws {
        let key = Key()
        let socket = key.directory.path + "/agent.sock"
        let agent = Process()
        agent.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        agent.arguments = ["ssh-agent", "-D", "-a", socket]
        agent.standardOutput = FileHandle.nullDevice
        agent.standardError = FileHandle.nullDevice
        try agent.run()
        defer {
            // SIGKILL: the test runner's threads may block SIGTERM, which the agent then inherits.
            kill(agent.processIdentifier, SIGKILL)
            agent.waitUntilExit()
        }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) { usleep(20_000) }
        let add = Command.run(
            "/usr/bin/env", ["ssh-add", key.privateKey],
            environment: ["SSH_AUTH_SOCK": socket, "PATH": "/usr/bin:/bin"])
        #expect(add.status == 0, "\(add.stderr)")
        try FileManager.default.removeItem(atPath: key.privateKey)

        let bundled = bundleCLI(environment: ["SSH_AUTH_SOCK": socket], extra: ["--sign", key.publicKey])
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let run = Dossier.run(
            ["verify", bundled.path, "--allowed-signers", key.allowedSigners], in: bundled.output.path)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test func aKeyThatCannotSignWritesNothingAndExits2() throws {
        let key = Key()
        try FileManager.default.removeItem(atPath: key.privateKey)
        // A public key with no agent holding its private half: ssh-keygen refuses, nothing is left behind.
        let bundled = bundleCLI(environment: ["SSH_AUTH_SOCK": "/nonexistent"], extra: ["--sign", key.publicKey])
        #expect(bundled.result.status == 1, "\(bundled.result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: bundled.output.path).isEmpty)

        let missing = bundleCLI(extra: ["--sign", key.directory.path + "/nope"])
        #expect(missing.result.status == 2)
        #expect(missing.result.stderr.contains("cannot read the key"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: missing.output.path).isEmpty)
    }

    @Test func aWrongSignatureIsExit1BeforeTheArchiveIsRead() throws {
        let key = Key()
        let stranger = Key(identity: "mallory@example.com")
        let bundled = bundleCLI(extra: ["--sign", key.privateKey])
        let signature = bundled.path + ".sig"
        let good = try Data(contentsOf: URL(fileURLWithPath: signature))

        func verify(_ extra: [String] = [], allowed: String = key.allowedSigners) -> Command.Result {
            Dossier.run(["verify", bundled.path, "--allowed-signers", allowed] + extra, in: bundled.output.path)
        }

        // An unknown key: the allowed signers list someone else.
        var run = verify(allowed: stranger.allowedSigners)
        #expect(run.status == 1)
        #expect(run.stderr.contains("the signature does not verify"))
        // The right key, but the wrong identity asked for.
        run = verify(["--signer", stranger.identity])
        #expect(run.status == 1)

        // Another namespace (a signature made for git commits, say).
        let other = shell("ssh-keygen -Y sign -n git -f \(key.privateKey) < \"$1\" > \"$1.sig\"", bundled.path)
        #expect(other.status == 0, "\(other.stderr)")
        run = verify()
        #expect(run.status == 1)
        #expect(run.stderr.contains("namespace"), "\(run.stderr)")
        run = Dossier.run(["verify", bundled.path], in: bundled.output.path)
        #expect(run.status == 1, "without signers a signature in another namespace fails too")

        // Malformed.
        try Data("-----BEGIN SSH SIGNATURE-----\nnot base64\n".utf8).write(to: URL(fileURLWithPath: signature))
        run = verify()
        #expect(run.status == 1)
        #expect(run.stderr.contains("the signature does not verify"))

        // A changed archive: the signature was over other bytes. The bag is not read: no summary.
        try good.write(to: URL(fileURLWithPath: signature))
        #expect(verify().status == 0)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: bundled.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([0]))
        try handle.close()
        run = verify()
        #expect(run.status == 1)
        #expect(run.stderr.contains("incorrect signature"), "\(run.stderr)")
        #expect(!run.stdout.contains("Result"))
    }

    @Test func aSignatureRemovedFromASignedBundleIsAProblem() throws {
        let key = Key()
        let bundled = bundleCLI(extra: ["--sign", key.privateKey])
        try FileManager.default.removeItem(atPath: bundled.path + ".sig")
        let run = Dossier.run(["verify", bundled.path], in: bundled.output.path)
        #expect(run.status == 1)
        #expect(run.stdout.contains("says the bundle was signed by ED25519 \(key.fingerprint)"))
    }
}
