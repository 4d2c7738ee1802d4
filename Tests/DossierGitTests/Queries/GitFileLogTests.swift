import DossierTestSupport
import Testing

@testable import DossierGit

@Suite struct GitFileLogTests {
    @Test func everyCommitOfEachFileNewestFirstAndItsVersions() throws {
        let repo = GitFixture("dossier-file-log")
        repo.write("risks.yaml", "one\n").write("policies/a.md", "a1\n").write("other.txt", "x\n")
        let first = repo.commit("first", date: "2026-01-10")
        repo.write("policies/a.md", "a2\n").write("policies/b c.md", "b\n")
        let second = repo.commit("second", date: "2026-02-10")
        repo.write("risks.yaml", "two\n")
        let third = repo.commit("third", date: "2026-03-10")
        let git = try #require(Git(directory: repo.path))
        let log = try GitFileLog.read(git, pathspecs: ["risks.yaml", "policies"])
        #expect(log.changes["risks.yaml"]?.map(\.hash) == [third, first])
        #expect(log.changes["policies/a.md"]?.map(\.hash) == [second, first])
        #expect(log.changes["policies/b c.md"]?.map(\.hash) == [second])
        #expect(log.changes["other.txt"] == nil)
        #expect(log.changes["risks.yaml"]?.last?.authorTime == 1_768_046_400)  // 2026-01-10T12:00:00Z
        let versions = log.versions(of: "policies/a.md", at: [first, second, third, "0000000"])
        #expect(versions[first] == Array("a1\n".utf8) && versions[second] == Array("a2\n".utf8))
        #expect(versions[third] == Array("a2\n".utf8) && versions["0000000"] == nil)
        #expect(log.versions(of: "policies/a.md", at: [first], limit: 2).isEmpty)  // larger than the limit
    }

    @Test func parsingIgnoresMalformedHeaders() {
        let output = Array(
            "C abc 10 20\npath/one\u{0}path/two\u{0}\u{0}garbage header\u{0}C def 5 6\npath/one\u{0}".utf8)
        let changes = GitFileLog.parse(output)
        #expect(changes["path/one"]?.map(\.hash) == ["abc", "def"])
        #expect(changes["path/two"]?.map(\.committerTime) == [10])
        #expect(GitFileLog().changes.isEmpty)
    }
}
