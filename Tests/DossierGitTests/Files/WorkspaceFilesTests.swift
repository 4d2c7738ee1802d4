import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

/// The door every reader goes through: what it records, and what it refuses.
@Suite("workspace files")
struct WorkspaceFilesTests {
    func folder() -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        dir.write("controls.yaml", "dossier: 1\n")
        dir.write("registers/risks.yaml", "risks: []\n")
        dir.write("evidence/a/x.csv", "a\n")
        dir.write("other/y.txt", "y\n")
        return dir
    }

    @Test("every way of looking at a file records its path before touching it")
    func recordsEveryLookup() throws {
        let dir = folder()
        let files = WorkspaceFiles(root: dir.path)
        _ = try files.read("controls.yaml", limit: 100)
        _ = try files.read("missing.yaml", limit: 100)
        _ = files.isFile("registers/risks.yaml")
        _ = files.kind("other")
        _ = files.list("registers")
        _ = try files.open(Array("other/y.txt".utf8))
        _ = files.cursor(within: ["evidence"])
        #expect(
            files.probes.recorded == [
                "controls.yaml", "evidence", "missing.yaml", "other", "other/y.txt", "registers",
                "registers/risks.yaml",
            ])
        // Copies share what they record.
        let copy = files
        _ = copy.isFile("late.txt")
        #expect(files.probes.recorded.contains("late.txt"))
    }

    @Test("a cursor answers only inside the folders it was made for")
    func cursorIsConfined() throws {
        let dir = folder()
        let cursor = try #require(WorkspaceFiles(root: dir.path).cursor(within: ["evidence"]))
        #expect(cursor.entry(Array("evidence/a/x.csv".utf8)) == .regular(size: 2, executable: false))
        #expect(cursor.entry(Array("other/y.txt".utf8)) == .missing)
        #expect(throws: SafeFileError.missing) { try cursor.open(Array("other/y.txt".utf8)) }
        #expect(try cursor.open(Array("evidence/a/x.csv".utf8)).size == 2)
        let whole = try #require(WorkspaceFiles(root: dir.path).cursor(within: ["."]))
        #expect(whole.entry(Array("other/y.txt".utf8)) == .regular(size: 2, executable: false))
    }

    @Test("links are never followed: a linked file is not a file, a linked folder is a link")
    func links() throws {
        let dir = folder()
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.yaml", withDestinationPath: "/etc/passwd")
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/linked", withDestinationPath: "/etc")
        let files = WorkspaceFiles(root: dir.path)
        #expect(!files.isFile("link.yaml"))
        #expect(throws: SafeFileError.symlink) { try files.read("link.yaml", limit: 10) }
        #expect(files.kind("linked") == .link)
        #expect(files.list("linked") == nil)
        #expect(throws: SafeFileError.symlink) { try files.open(Array("linked/passwd".utf8)) }
    }
}
