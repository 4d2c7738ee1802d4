import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore
@testable import DossierGit

/// `dossier build` remembers evidence digests by git blob id; the cache must only ever save reading time.
@Suite struct DigestCacheTests {
    static let controls = EvidenceScannerTests.controls

    func workspace() -> GitFixture {
        let repo = GitFixture("dossier-digest-cache")
        repo.write("controls.yaml", Self.controls)
            .write("evidence/access/a.csv", "alpha\n").write("evidence/access/b.csv", "bravo\n")
            .commit(date: "2026-07-01")
        return repo
    }

    func assess(_ repo: GitFixture) -> Assessment {
        AssessmentPipeline(workspace: Workspace(path: repo.path), asOfOverride: CalendarDay(iso: "2026-07-15")).run()
    }

    func digests(_ repo: GitFixture, useCache: Bool = true) -> [String: String] {
        let a = assess(repo)
        var out: [String: String] = [:]
        for (path, digest) in EvidenceDigest.digests(
            of: a.readiness.inventory, files: WorkspaceFiles(root: repo.path), useCache: useCache)
        {
            out[String(decoding: path, as: UTF8.self)] = digest
        }
        return out
    }

    var cacheFile: String { "\(GitFolderFile.folder)/\(DigestCache.fileName)" }
    static let alpha = EvidenceDigest.sha256(Array("alpha\n".utf8))
    static let bravo = EvidenceDigest.sha256(Array("bravo\n".utf8))
    static let fake = String(repeating: "f", count: 64)

    func blob(_ repo: GitFixture, _ path: String) -> String {
        repo.git("rev-parse", "HEAD:\(path)").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func theFirstRunWritesEveryCommittedDigestAndTheNextReadsThem() throws {
        let repo = workspace()
        #expect(digests(repo)["evidence/access/a.csv"] == Self.alpha)
        let text = try #require(repo.directory.read(".git/" + cacheFile))
        #expect(text.hasPrefix(DigestCache.header))
        #expect(text.contains("\(blob(repo, "evidence/access/a.csv")) 6 \(Self.alpha)\n"))
        #expect(text.contains("\(blob(repo, "evidence/access/b.csv")) 6 \(Self.bravo)\n"))
        // What the cache says is what a build shows: proof that the second run read the cache, not the file.
        repo.directory.write(
            ".git/" + cacheFile,
            DigestCache.header + "\(blob(repo, "evidence/access/a.csv")) 6 \(Self.fake)\n")
        #expect(digests(repo)["evidence/access/a.csv"] == Self.fake)
        #expect(digests(repo)["evidence/access/b.csv"] == Self.bravo)
        #expect(digests(repo, useCache: false)["evidence/access/a.csv"] == Self.alpha)
    }

    @Test func aChangedWorkingCopyIsReadAndNeverRemembered() throws {
        let repo = workspace()
        _ = digests(repo)
        repo.write("evidence/access/a.csv", "alpha, edited\n")
        #expect(digests(repo)["evidence/access/a.csv"] == EvidenceDigest.sha256(Array("alpha, edited\n".utf8)))
        let text = try #require(repo.directory.read(".git/" + cacheFile))
        #expect(!text.contains(EvidenceDigest.sha256(Array("alpha, edited\n".utf8))))
    }

    @Test(arguments: [
        "garbage",
        DigestCache.header + "abc 6 \(String(repeating: "a", count: 64))\n",
        DigestCache.header + "\(String(repeating: "A", count: 40)) 6 \(String(repeating: "a", count: 64))\n",
        DigestCache.header + "\(String(repeating: "a", count: 40)) -6 \(String(repeating: "a", count: 64))\n",
        DigestCache.header + "\(String(repeating: "a", count: 40)) 6 \(String(repeating: "a", count: 64))",
    ])
    func aMalformedCacheIsIgnoredAndReplaced(text: String) throws {
        #expect(DigestCache.parse(Array(text.utf8)) == nil)
        let repo = workspace()
        repo.directory.write(".git/" + cacheFile, text)
        #expect(digests(repo)["evidence/access/a.csv"] == Self.alpha)
        #expect(DigestCache.parse(Array(try #require(repo.directory.read(".git/" + cacheFile)).utf8)) != nil)
    }

    @Test func theSizeIsPartOfTheKey() throws {
        let line = DigestCache.header + "\(String(repeating: "a", count: 40)) 6 \(Self.fake)\n"
        let cache = try #require(DigestCache.parse(Array(line.utf8)))
        #expect(cache[String(repeating: "a", count: 40), 6] == Self.fake)
        #expect(cache[String(repeating: "a", count: 40), 7] == nil)
    }

    @Test func aLinkedCacheFolderIsNeitherReadNorWrittenThrough() throws {
        let repo = workspace()
        let elsewhere = TemporaryDirectory("dossier-digest-elsewhere")
        elsewhere.write(
            DigestCache.fileName, DigestCache.header + "\(blob(repo, "evidence/access/a.csv")) 6 \(Self.fake)\n")
        symlink(elsewhere.path, repo.path + "/.git/" + GitFolderFile.folder)
        #expect(digests(repo)["evidence/access/a.csv"] == Self.alpha)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [DigestCache.fileName])
        #expect(elsewhere.read(DigestCache.fileName)!.contains(Self.fake))
    }

    @Test func outsideGitThereIsNoCache() throws {
        let dir = TemporaryDirectory("dossier-digest-nogit")
        dir.write("controls.yaml", Self.controls)
        dir.write("evidence/access/a.csv", "alpha\n")
        let a = AssessmentPipeline(workspace: Workspace(path: dir.path)).run()
        #expect(a.readiness.inventory.git.gitDirectory == nil)
        #expect(
            EvidenceDigest.digests(of: a.readiness.inventory, files: WorkspaceFiles(root: dir.path)).values.contains(
                Self.alpha))
    }
}
