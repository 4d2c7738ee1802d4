import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

/// The newest commit of each evidence path is remembered per exact history; the cache must only ever save
/// the `git log` pass, never answer for another history.
@Suite struct GitHistoryCacheTests {
    static let cached = "Cached Author <cache@example.com>"

    func workspace() -> GitFixture {
        let repo = GitFixture("dossier-history-cache")
        repo.write("evidence/access/a.csv", "alpha\n").write("evidence/ops/b.log", "bravo\n")
            .commit("first", date: "2026-05-01")
        repo.write("evidence/access/a.csv", "alpha 2\n").write("evidence/access/zoë\nline.txt", "odd name\n")
            .commit("second", date: "2026-06-01", author: "Zoë Ørsted")
        repo.write("notes.txt", "not evidence\n").commit("third", date: "2026-07-01")
        return repo
    }

    func read(_ repo: GitFixture, pathspecs: [String] = ["evidence"], cache: Bool = true) throws -> [[UInt8]:
        GitHistory.Commit]
    {
        let git = try #require(Git(directory: repo.path))
        guard cache else { return try GitHistory.read(git, pathspecs: pathspecs).newest }
        return try GitHistory.read(git, pathspecs: pathspecs, repository: try GitRepository.open(git)).newest
    }

    var cacheFile: String { "\(GitFolderFile.folder)/\(GitHistoryCache.fileName)" }

    /// Rewrites the cache under its own key with every author replaced, so an answer from it shows.
    func poison(_ repo: GitFixture) throws {
        let bytes = try #require(FileManager.default.contents(atPath: repo.path + "/.git/" + cacheFile))
        let head = Array(bytes.prefix { $0 != 10 })
        let key = String(decoding: head.dropFirst(GitHistoryCache.header.utf8.count), as: UTF8.self)
        var history = try #require(GitHistoryCache.parse(Array(bytes), key: key))
        history = GitHistory(
            newest: history.newest.mapValues { commit in
                var commit = commit
                commit.author = Self.cached
                return commit
            })
        repo.directory.write(".git/" + cacheFile, bytes: GitHistoryCache.serialized(history, key: key))
    }

    @Test func aSecondReadOfTheSameHistoryComesFromTheCache() throws {
        let repo = workspace()
        let first = try read(repo)
        #expect(first == (try read(repo, cache: false)))
        #expect(first[Array("evidence/access/zoë\nline.txt".utf8)]?.author == "Zoë Ørsted <ada@example.com>")
        #expect(first.count == 3)
        try poison(repo)
        let second = try read(repo)
        #expect(second.keys == first.keys)
        #expect(second.values.allSatisfy { $0.author == Self.cached })
    }

    @Test(arguments: ["a new commit", "a replace ref", "a shallow list", "git configuration", "other pathspecs"])
    func anythingThatChangesTheHistoryMissesTheCache(change: String) throws {
        let repo = workspace()
        _ = try read(repo)
        try poison(repo)
        var pathspecs = ["evidence"]
        switch change {
        case "a new commit":
            repo.write("evidence/ops/b.log", "bravo 2\n").commit("fourth", date: "2026-08-01")
        case "a replace ref":
            repo.git("replace", "--graft", "HEAD~1")  // the second commit, as if it had no parent
        case "a shallow list":
            repo.directory.write(".git/shallow", repo.git("rev-parse", "HEAD~1"))
        case "git configuration":
            repo.git("config", "i18n.logOutputEncoding", "UTF-8")
        default:
            pathspecs = ["evidence/access"]
        }
        let answer = try read(repo, pathspecs: pathspecs)
        #expect(answer == (try read(repo, pathspecs: pathspecs, cache: false)))
        #expect(!answer.values.contains { $0.author == Self.cached })
    }

    @Test func theFileRoundTripsAndRefusesAnythingElse() throws {
        let history = GitHistory(newest: [
            Array("evidence/a\nb.csv".utf8): .init(
                hash: String(repeating: "a", count: 40), committerTime: 1, authorTime: -2, author: "Zoë <z@x>"),
            [0xFF, 0x2F, 0x41]: .init(
                hash: String(repeating: "b", count: 64), committerTime: 3, authorTime: 4, author: "",
                signature: CommitSignature(status: "G", signer: "ada@example.com", fingerprint: "SHA256:x y"),
                parentTime: 2),
        ])
        let bytes = GitHistoryCache.serialized(history, key: "k1")
        #expect(GitHistoryCache.parse(bytes, key: "k1")?.newest == history.newest)
        #expect(GitHistoryCache.parse(GitHistoryCache.serialized(GitHistory(), key: "k1"), key: "k1")?.newest == [:])
        #expect(GitHistoryCache.parse(bytes, key: "k2") == nil)
        #expect(GitHistoryCache.parse(Array(bytes.dropLast()), key: "k1") == nil)
        let damaged = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "aaaa", with: "aaXa")
        #expect(GitHistoryCache.parse(Array(damaged.utf8), key: "k1") == nil)
        let twice = bytes + bytes.dropFirst(Array((GitHistoryCache.header + "k1\n").utf8).count)
        #expect(GitHistoryCache.parse(twice, key: "k1") == nil)
    }

    @Test func aDamagedCacheIsReadAgainFromGitAndReplaced() throws {
        let repo = workspace()
        let truth = try read(repo, cache: false)
        repo.directory.write(".git/" + cacheFile, GitHistoryCache.header + "not a key\n\u{0}\u{0}")
        #expect(try read(repo) == truth)
        #expect(try read(repo) == truth)
        #expect(repo.directory.read(".git/" + cacheFile)?.hasPrefix(GitHistoryCache.header + "not") == false)
    }
}
