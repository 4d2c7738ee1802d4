import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

/// Signed evidence commits as git checks them (`%G?`), read in the history's bounded passes and cached.
@Suite struct CommitSignatureTests {
    /// A key made by ssh-keygen, without a passphrase.
    static func key(_ directory: TemporaryDirectory, _ name: String) -> String {
        let path = directory.path + "/" + name
        let made = Command.run("/usr/bin/env", ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path])
        #expect(made.status == 0, "ssh-keygen (openssh-client): \(made.stderr)")
        return path
    }

    /// evidence/signed.csv in a commit signed by a listed key, evidence/plain.csv unsigned,
    /// evidence/stranger.csv signed by a key the allowed signers do not list.
    static func repository() -> (GitFixture, allowedSigners: String, TemporaryDirectory) {
        let keys = TemporaryDirectory("dossier-keys")
        let ada = key(keys, "ada")
        let stranger = key(keys, "stranger")
        let publicKey = (try? String(contentsOfFile: ada + ".pub", encoding: .utf8)) ?? ""
        keys.write("allowed_signers", "ada@example.com \(publicKey)")
        let repo = GitFixture()
        repo.git("config", "gpg.format", "ssh")
        repo.git("config", "user.signingkey", ada)
        repo.git("config", "gpg.ssh.allowedSignersFile", keys.path + "/allowed_signers")
        repo.write("evidence/signed.csv", "a\n")
        repo.git("add", "-A")
        repo.run(
            ["commit", "-q", "-S", "-m", "signed"],
            environment: ["GIT_AUTHOR_DATE": "2026-09-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-09-01T12:00:00Z"])
        repo.write("evidence/plain.csv", "b\n").commit(date: "2026-09-02")
        repo.write("evidence/stranger.csv", "c\n")
        repo.git("add", "-A")
        repo.run(
            ["-c", "user.signingkey=\(stranger)", "commit", "-q", "-S", "-m", "stranger"],
            environment: ["GIT_AUTHOR_DATE": "2026-09-03T12:00:00Z", "GIT_COMMITTER_DATE": "2026-09-03T12:00:00Z"])
        // Made in December, author-dated into September: both dates before nothing, but far apart.
        repo.write("evidence/late.csv", "d\n")
        repo.git("add", "-A")
        repo.run(
            ["commit", "-q", "-m", "late"],
            environment: ["GIT_AUTHOR_DATE": "2026-09-04T12:00:00Z", "GIT_COMMITTER_DATE": "2026-12-01T12:00:00Z"])
        // Both dates set back, before the parent's commit.
        repo.write("evidence/before.csv", "e\n").commit(date: "2026-08-01")
        return (repo, keys.path + "/allowed_signers", keys)
    }

    @Test func eachFileCarriesItsCommitsSignatureAndParentTime() throws {
        let (repo, _, keys) = Self.repository()
        _ = keys
        let git = try #require(Git(directory: repo.path))
        let history = try GitHistory.read(git, pathspecs: ["evidence"])
        func commit(_ name: String) -> GitHistory.Commit? { history.newest[Array("evidence/\(name)".utf8)] }

        let signed = try #require(commit("signed.csv"))
        #expect(signed.signature.status == "G")
        #expect(signed.signature.isVerified)
        #expect(signed.signature.signer == "ada@example.com")
        #expect(signed.signature.fingerprint.hasPrefix("SHA256:"))
        #expect(signed.parentTime == nil)

        #expect(commit("plain.csv")?.signature == .unsigned)
        #expect(commit("plain.csv")?.signature.label == "unsigned")
        let stranger = try #require(commit("stranger.csv"))
        #expect(stranger.signature.status == "U")
        #expect(!stranger.signature.isVerified)
        #expect(stranger.signature.fingerprint.hasPrefix("SHA256:"))

        #expect(commit("plain.csv")?.isBackdated(maxLagDays: 31) == false)
        #expect(commit("late.csv")?.isBackdated(maxLagDays: 31) == true)
        #expect(commit("late.csv")?.isBackdated(maxLagDays: 120) == false)
        #expect(commit("before.csv")?.isBackdated(maxLagDays: 31) == true)
    }

    @Test func changingTheAllowedSignersFileChangesTheCacheKey() throws {
        let (repo, allowedSigners, keys) = Self.repository()
        _ = keys
        let git = try #require(Git(directory: repo.path))
        let repository = try GitRepository.open(git)
        let first = try GitHistory.read(git, pathspecs: ["evidence"], repository: repository)
        #expect(first.newest[Array("evidence/signed.csv".utf8)]?.signature.status == "G")
        try Data().write(to: URL(fileURLWithPath: allowedSigners))
        let second = try GitHistory.read(git, pathspecs: ["evidence"], repository: repository)
        #expect(second.newest[Array("evidence/signed.csv".utf8)]?.signature.isVerified == false)
    }
}
