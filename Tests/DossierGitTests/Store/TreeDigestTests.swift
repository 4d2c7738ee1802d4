import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

/// The description of files and folders that decides whether a build may be skipped.
@Suite("tree digest")
struct TreeDigestTests {
    func digest(_ root: String, _ relative: String = "", skip: @escaping ([UInt8]) -> Bool = { _ in false }) -> String {
        var digest = TreeDigest()
        let complete = digest.addTree(root: root, relative: relative, skip: skip)
        #expect(complete)
        return digest.finalize()
    }

    @Test("a rewrite of the same size, a new file, a deleted file and a chmod each change it; a read does not")
    func changes() throws {
        let dir = TemporaryDirectory("tree-digest")
        dir.write("evidence/a.csv", "1,2\n")
        dir.write("evidence/sub/b.csv", "3,4\n")
        let before = digest(dir.path, "evidence")
        #expect(digest(dir.path, "evidence") == before)
        _ = dir.read("evidence/a.csv")
        #expect(digest(dir.path, "evidence") == before)
        dir.write("evidence/a.csv", "5,6\n")
        let rewritten = digest(dir.path, "evidence")
        #expect(rewritten != before)
        dir.write("evidence/sub/c.csv", "")
        let added = digest(dir.path, "evidence")
        #expect(added != rewritten)
        try FileManager.default.removeItem(atPath: dir.path + "/evidence/sub/c.csv")
        let removed = digest(dir.path, "evidence")
        #expect(removed != added)
        chmod(dir.path + "/evidence/sub/b.csv", 0o600)
        #expect(digest(dir.path, "evidence") != removed)
    }

    @Test("links are described, not followed; a folder swapped for a link to the same files changes it")
    func links() throws {
        let dir = TemporaryDirectory("tree-digest")
        dir.write("elsewhere/secret.txt", "x")
        dir.write("evidence/real/a.csv", "1")
        symlink(dir.path + "/elsewhere", dir.path + "/evidence/link")
        let before = digest(dir.path, "evidence")
        dir.write("elsewhere/secret.txt", "changed, and longer")
        #expect(digest(dir.path, "evidence") == before)
        // The path's own components are described too: `evidence` turned into a link to a copy.
        let nested = digest(dir.path, "evidence/real")
        try FileManager.default.moveItem(atPath: dir.path + "/evidence", toPath: dir.path + "/moved")
        symlink(dir.path + "/moved", dir.path + "/evidence")
        #expect(digest(dir.path, "evidence/real") != nested)
    }

    @Test("skipped paths are left out; more entries than the limit gives up")
    func skipAndLimit() throws {
        let dir = TemporaryDirectory("tree-digest")
        dir.write("w/site/index.html", "a")
        dir.write("w/controls.yaml", "b")
        let skipSite: ([UInt8]) -> Bool = { $0 == Array("site".utf8) }
        let before = digest(dir.path + "/w", skip: skipSite)
        dir.write("w/site/index.html", "rewritten")
        dir.write("w/site/new.html", "new")
        #expect(digest(dir.path + "/w", skip: skipSite) == before)
        #expect(digest(dir.path + "/w") != before)
        var small = TreeDigest(limit: 2)
        let complete = small.addTree(root: dir.path + "/w", relative: "")
        #expect(!complete)
    }
}
