import DossierTestSupport
import Foundation
import Testing

@testable import DossierGit

@Suite struct WorkspaceWriterTests {
    func entries(_ folder: TemporaryDirectory) -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
    }

    @Test func createsFoldersAndTheFileAndNeverOverwrites() throws {
        let folder = TemporaryDirectory("dossier-writer")
        let files = WorkspaceFiles(root: folder.path)
        try files.create("evidence/a/b/new.csv", bytes: Array("first\n".utf8))
        #expect(throws: WorkspaceWriteError.exists) { try files.create("evidence/a/b/new.csv", bytes: [1]) }
        #expect((try? String(contentsOfFile: folder.path + "/evidence/a/b/new.csv", encoding: .utf8)) == "first\n")
        #expect(entries(folder) == ["evidence", "evidence/a", "evidence/a/b", "evidence/a/b/new.csv"])
        #expect(files.probes.recorded.contains("evidence/a/b/new.csv"))
    }

    @Test func refusesLinksAnywhereAndLeavesNothingBehind() throws {
        let folder = TemporaryDirectory("dossier-writer")
        let outside = TemporaryDirectory("dossier-outside")
        let files = WorkspaceFiles(root: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/linked", withDestinationPath: outside.path)
        #expect(throws: WorkspaceWriteError.symlink("linked")) {
            try files.create("linked/new/file.csv", bytes: [1])
        }
        try FileManager.default.createDirectory(atPath: folder.path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/real/target.csv", withDestinationPath: outside.path + "/planted.csv")
        #expect(throws: WorkspaceWriteError.symlink("target.csv")) { try files.create("real/target.csv", bytes: [1]) }
        #expect(throws: WorkspaceWriteError.symlink("target.csv")) { try files.replace("real/target.csv", bytes: [1]) }
        #expect(entries(outside).isEmpty)
        try FileManager.default.createDirectory(atPath: folder.path + "/fresh2", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/fresh2/l", withDestinationPath: outside.path)
        #expect(throws: WorkspaceWriteError.symlink("l")) { try files.create("fresh2/l/new/x", bytes: []) }
        #expect(entries(folder) == ["fresh2", "fresh2/l", "linked", "real", "real/target.csv"])
    }

    @Test func replaceSwapsAWholeFileAndRefusesFolders() throws {
        let folder = TemporaryDirectory("dossier-writer")
        let files = WorkspaceFiles(root: folder.path)
        folder.write("evidence/collected.yaml", "old\n")
        try files.replace("evidence/collected.yaml", bytes: Array("new\n".utf8))
        #expect((try? String(contentsOfFile: folder.path + "/evidence/collected.yaml", encoding: .utf8)) == "new\n")
        #expect(throws: WorkspaceWriteError.notRegular) { try files.replace("evidence", bytes: []) }
        #expect(throws: WorkspaceWriteError.invalidPath) { try files.create("../escape", bytes: []) }
        #expect(entries(folder) == ["evidence", "evidence/collected.yaml"])
    }

    @Test func removeCreatedDeletesOnlyARegularFile() throws {
        let folder = TemporaryDirectory("dossier-writer")
        let outside = TemporaryDirectory("dossier-outside")
        outside.write("keep.txt", "keep\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/link.txt", withDestinationPath: outside.path + "/keep.txt")
        folder.write("made.txt", "x")
        let files = WorkspaceFiles(root: folder.path)
        files.removeCreated("made.txt")
        files.removeCreated("link.txt")
        #expect(entries(folder) == ["link.txt"])
        #expect(entries(outside) == ["keep.txt"])
    }
}
