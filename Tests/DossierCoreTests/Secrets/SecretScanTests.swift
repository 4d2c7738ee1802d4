import DossierGit
import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

@Suite struct SecretScanTests {
    static let secretLine = "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"

    func assess(_ repo: GitFixture) -> Assessment {
        AssessmentPipeline(workspace: Workspace(path: repo.path), today: CalendarDay(iso: "2026-03-31")!).run()
    }

    func workspaceWithSecret() -> GitFixture {
        let repo = BundleWorkspace.make()
        repo.write("evidence/ops/config.txt", "region = eu-west-1\n\(Self.secretLine)\n")
        repo.write("evidence/unused/leak.txt", "\(Self.secretLine)\n")  // no control uses it: never ships
        repo.commit("config export", date: "2026-03-02")
        return repo
    }

    @Test func checkWarnsAboutSecretsInFilesThatShipOnly() {
        let assessment = assess(workspaceWithSecret())
        #expect(
            assessment.secrets.findings == [
                SecretFinding(path: "evidence/ops/config.txt", line: 2, kind: .awsAccessKey)
            ])
        let warnings = assessment.diagnostics.filter { $0.code == .secretFound }
        #expect(warnings.count == 1)
        #expect(warnings.first?.file == "evidence/ops/config.txt")
        #expect(warnings.first?.line == 2)
        #expect(warnings.first?.hint?.contains("`evidence/ops/config.txt:2:aws-access-key <reason>`") == true)
        #expect(!"\(assessment.diagnostics)".contains("AKIAIOSFODNN7EXAMPLE"))
    }

    @Test func narrativesAndTheControlMapAreScannedToo() {
        let repo = BundleWorkspace.make()
        repo.write("narratives/access.md", "# Access\n\nConnect with postgres://admin:Zq8xv2Lr9@db.internal/app\n")
        repo.commit("narrative", date: "2026-03-02")
        let assessment = assess(repo)
        #expect(assessment.secrets.findings.map(\.fingerprint) == ["narratives/access.md:3:url-password"])
    }

    @Test func anAcknowledgedFindingIsNoWarningAndAStaleAcknowledgementIs() {
        let repo = workspaceWithSecret()
        repo.write(
            ".dossier-secrets",
            "evidence/ops/config.txt:2:aws-access-key  AWS's documented example key\nevidence/gone.txt:1:jwt old\n")
        let assessment = assess(repo)
        #expect(assessment.secrets.findings.first?.acknowledgement == "AWS's documented example key")
        #expect(assessment.diagnostics.map(\.code).filter { $0.step == "secrets" } == [.secretAcknowledgementUnused])
        #expect(assessment.diagnostics.first { $0.code == .secretAcknowledgementUnused }?.line == 2)
    }

    /// Results are remembered by blob id: a valid cache entry is believed (so the file is not read again),
    /// and a tampered cache file is not.
    @Test func committedFilesAreRememberedByBlobAndTamperingIsIgnored() throws {
        let repo = workspaceWithSecret()
        let first = assess(repo).secrets
        #expect(first.scanned > 0)
        #expect(first.remembered == 0)
        let second = assess(repo).secrets
        // controls.yaml and the narrative have no blob id in the inventory: they are remembered by content.
        #expect(second.scanned == 0)
        #expect(second.remembered == first.scanned)
        #expect(second.findings == first.findings)

        // Rewrite the remembered answer for config.txt as "nothing found", with a valid checksum: the cache is
        // what check believes for a committed, unchanged file.
        let gitDirectory = try #require(assess(repo).readiness.inventory.git.gitDirectory)
        var cache = SecretScanCache.load(gitDirectory: gitDirectory)
        let key = try #require(cache.entries.first { !$0.value.isEmpty }?.key)
        cache.learn(key, [])
        cache.save(gitDirectory: gitDirectory, used: [])
        #expect(assess(repo).secrets.findings.isEmpty)

        // A cache file that fails its checksums is dropped whole: the file is read again and the secret found.
        let path = gitDirectory + "/dossier/" + SecretScanCache.fileName
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: " -\n", with: " 1:jwt\n")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let again = assess(repo).secrets
        #expect(again.remembered == 0)
        #expect(again.findings.map(\.kind) == [.awsAccessKey])
    }

    @Test func aModifiedFileIsJudgedByItsContent() {
        let repo = workspaceWithSecret()
        _ = assess(repo)
        repo.write("evidence/ops/config.txt", "region = eu-west-1\n")
        let edited = assess(repo).secrets
        #expect(edited.findings.isEmpty)
        #expect(edited.scanned == 1)
        // The same edit again: remembered by its SHA-256, not scanned.
        #expect(assess(repo).secrets.scanned == 0)
        repo.write("evidence/ops/config.txt", "token = Zq8xv2Lr9mWp\n")
        #expect(assess(repo).secrets.findings.map(\.kind) == [.secretAssignment])
    }
}
