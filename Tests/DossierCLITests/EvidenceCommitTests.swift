import DossierTestSupport
import Foundation
import Testing

/// Which commits dated the evidence: signed and verified by git, or not; back-dated, or not.
@Suite struct EvidenceCommitTests {
    static func controls(signed: Bool) -> String {
        """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform
        as_of: 2026-12-03
        \(signed ? "evidence_commits: signed\n" : "")controls:
          - id: AC-001
            title: Access reviews
            owner: sec@acme.example
            frequency: annual
            criteria: [CC6.3]
            status: implemented
            evidence: [evidence/*.csv]

        """
    }

    /// evidence/signed.csv signed by a listed key, evidence/stranger.csv by an unlisted one, evidence/plain.csv
    /// unsigned, evidence/late.csv committed in December with a September author date.
    static func workspace(signed: Bool) -> (GitFixture, TemporaryDirectory) {
        let keys = TemporaryDirectory("dossier-keys")
        for name in ["ada", "stranger"] {
            let made = Command.run(
                "/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys.path + "/" + name])
            #expect(made.status == 0, "ssh-keygen (openssh-client): \(made.stderr)")
        }
        let publicKey = (try? String(contentsOfFile: keys.path + "/ada.pub", encoding: .utf8)) ?? ""
        keys.write("allowed_signers", "ada@example.com \(publicKey)")
        let repo = GitFixture()
        repo.git("config", "gpg.format", "ssh")
        repo.git("config", "user.signingkey", keys.path + "/ada")
        repo.git("config", "gpg.ssh.allowedSignersFile", keys.path + "/allowed_signers")
        repo.write("controls.yaml", controls(signed: signed)).commit("map", date: "2026-11-01")
        func commit(_ file: String, _ author: String, _ committer: String, _ options: [String]) {
            repo.write("evidence/\(file)", "user,kept\nann,yes\n")
            repo.git("add", "-A")
            repo.run(
                options + ["commit", "-q", "-m", file],
                environment: ["GIT_AUTHOR_DATE": "\(author)T12:00:00Z", "GIT_COMMITTER_DATE": "\(committer)T12:00:00Z"])
        }
        commit("signed.csv", "2026-11-02", "2026-11-02", ["-c", "commit.gpgSign=true"])
        commit(
            "stranger.csv", "2026-11-03", "2026-11-03",
            ["-c", "commit.gpgSign=true", "-c", "user.signingkey=\(keys.path)/stranger"])
        commit("plain.csv", "2026-11-04", "2026-11-04", [])
        commit("late.csv", "2026-09-28", "2026-12-01", ["-c", "commit.gpgSign=true"])
        return (repo, keys)
    }

    func files(_ doc: [String: Any]) -> [String: [String: Any]] {
        let list = doc["evidence_files"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: list.map { ($0["path"] as? String ?? "", $0) })
    }

    func codes(_ doc: [String: Any]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for d in doc["diagnostics"] as? [[String: Any]] ?? [] {
            result[d["code"] as? String ?? "", default: []].append(d["file"] as? String ?? "")
        }
        return result
    }

    @Test func checkRecordsEachCommitsSignatureAndWarnsAboutBackdating() throws {
        let (repo, keys) = Self.workspace(signed: false)
        _ = keys
        let result = Dossier.run(["check", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let files = files(doc)
        #expect(files["evidence/signed.csv"]?["signature"] as? String == "verified")
        #expect(files["evidence/signed.csv"]?["signer"] as? String == "ada@example.com")
        #expect((files["evidence/signed.csv"]?["key_fingerprint"] as? String)?.hasPrefix("SHA256:") == true)
        #expect(files["evidence/stranger.csv"]?["signature"] as? String == "unverified")
        #expect(files["evidence/plain.csv"]?["signature"] as? String == "unsigned")
        #expect(files["evidence/late.csv"]?["backdated"] as? Bool == true)
        #expect(files["evidence/plain.csv"]?["backdated"] as? Bool == false)
        #expect(codes(doc)["evidence.backdated-commit"] == ["evidence/late.csv"])
        // Without the option every file counts.
        #expect(files.values.allSatisfy { $0["used"] as? Bool == true })
    }

    @Test func withSignedEvidenceCommitsUnverifiedAndBackdatedFilesDoNotCount() throws {
        let (repo, keys) = Self.workspace(signed: true)
        _ = keys
        let result = Dossier.run(["check", "--json"], in: repo.path)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let files = files(doc)
        #expect(files["evidence/signed.csv"]?["used"] as? Bool == true)
        #expect(files["evidence/signed.csv"]?["problems"] as? [String] == [])
        #expect(files["evidence/stranger.csv"]?["problems"] as? [String] == ["unverified-commit"])
        #expect(files["evidence/plain.csv"]?["problems"] as? [String] == ["unverified-commit"])
        #expect(files["evidence/late.csv"]?["problems"] as? [String] == ["backdated-commit"])
        for path in ["evidence/stranger.csv", "evidence/plain.csv", "evidence/late.csv"] {
            #expect(files[path]?["used"] as? Bool == false, "\(path)")
        }
        let unusable = Set(codes(doc)["evidence.unusable"] ?? [])
        #expect(unusable == ["evidence/stranger.csv", "evidence/plain.csv", "evidence/late.csv"])
    }

    @Test func provenanceInTheBundleHasTheColumns() throws {
        let (repo, keys) = Self.workspace(signed: false)
        _ = keys
        let output = TemporaryDirectory("dossier-cli-bundle")
        let run = Dossier.run(["bundle", repo.path, "-o", output.path], in: repo.path)
        #expect(run.status == 0, "\(run.stderr)")
        let zip = try #require(
            try FileManager.default.contentsOfDirectory(atPath: output.path).first { $0.hasSuffix(".zip") })
        let csv = BundleWorkspace.python(
            """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            print(z.read([n for n in z.namelist() if n.endswith("/data/provenance.csv")][0]).decode("utf-8-sig"))
            """, [output.path + "/" + zip]
        ).stdout
        let rows = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(rows.first?.suffix(4) == ["signature", "signer", "key_fingerprint", "backdated"])
        let late = try #require(rows.first { $0.first == "evidence/late.csv" }, "\(csv)")
        #expect(late.last == "yes")
        let signed = try #require(rows.first { $0.first == "evidence/signed.csv" })
        #expect(signed.suffix(4).first == "verified")
        #expect(signed.suffix(3).first == "ada@example.com")
        #expect(signed.last == "no")
    }

    @Test func theSiteMarksBackdatedFilesAndSignedCommits() throws {
        let (repo, keys) = Self.workspace(signed: false)
        _ = keys
        let output = TemporaryDirectory("dossier-cli-site")
        let run = Dossier.run(["build", repo.path, "-o", output.path + "/site"], in: repo.path)
        #expect(run.status == 0, "\(run.stderr)")
        let page = try String(contentsOfFile: output.path + "/site/evidence.html", encoding: .utf8)
        let rows = page.components(separatedBy: "<tr id=")
        let late = try #require(rows.first { $0.contains("<span>late.csv</span>") })
        #expect(late.contains(">back-dated</span>"))
        let plain = try #require(rows.first { $0.contains("<span>plain.csv</span>") })
        #expect(!plain.contains(">back-dated</span>"))
        #expect(!plain.contains("(unsigned)"))
        let signed = try #require(rows.first { $0.contains("<span>signed.csv</span>") })
        #expect(signed.contains("(verified)"))
        let stranger = try #require(rows.first { $0.contains("<span>stranger.csv</span>") })
        #expect(stranger.contains("(unverified)"))
    }
}
