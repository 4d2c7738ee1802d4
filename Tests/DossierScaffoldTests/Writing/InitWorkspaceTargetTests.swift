import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierScaffold

/// Writing a new workspace: refuses non-empty folders, never overwrites, never follows links, and runs
/// `git init` only outside a work tree.
@Suite struct InitWorkspaceTargetTests {
    let files = [
        PlannedFile(path: "controls.yaml", contents: "new\n"),
        PlannedFile(path: "evidence/a/README.md", contents: "readme\n"),
    ]

    @Test func createsAMissingFolderAndItsFiles() throws {
        let temp = TemporaryDirectory()
        let target = WorkspaceTarget(path: temp.path + "/new/ws", force: false)
        try target.prepare()
        let outcome = try target.write(files)
        #expect(outcome.created == ["controls.yaml", "evidence/a/README.md"])
        #expect(temp.read("new/ws/evidence/a/README.md") == "readme\n")
        #expect(target.folderName == "ws")
    }

    @Test func refusesANonEmptyFolderWithoutForce() throws {
        let temp = TemporaryDirectory()
        temp.write("notes.txt", "mine")
        #expect(throws: WorkspaceTargetError.notEmpty(temp.path)) {
            try WorkspaceTarget(path: temp.path, force: false).prepare()
        }
        try WorkspaceTarget(path: temp.path, force: true).prepare()
        temp.write("file", "x")
        #expect(throws: WorkspaceTargetError.notADirectory(temp.path + "/file")) {
            try WorkspaceTarget(path: temp.path + "/file", force: true).prepare()
        }
    }

    @Test func acceptsAFolderHoldingOnlyGit() throws {
        let repo = GitFixture()
        try WorkspaceTarget(path: repo.path, force: false).prepare()
    }

    @Test func neverOverwritesAndListsSkippedFiles() throws {
        let temp = TemporaryDirectory()
        temp.write("controls.yaml", "mine\n")
        let outcome = try WorkspaceTarget(path: temp.path, force: true).write(files)
        #expect(outcome.created == ["evidence/a/README.md"])
        #expect(outcome.skipped == [WorkspaceTarget.Skipped(path: "controls.yaml", reason: "already exists")])
        #expect(temp.read("controls.yaml") == "mine\n")
    }

    @Test func neverWritesThroughLinks() throws {
        let temp = TemporaryDirectory()
        let outside = TemporaryDirectory()
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/evidence", withDestinationPath: outside.path)
        try FileManager.default.createSymbolicLink(
            atPath: temp.path + "/controls.yaml", withDestinationPath: outside.path + "/victim")
        let outcome = try WorkspaceTarget(path: temp.path, force: true).write(files)
        #expect(outcome.created.isEmpty)
        #expect(outcome.skipped.map(\.path) == ["controls.yaml", "evidence/a/README.md"])
        #expect(outcome.skipped[1].reason.contains("not a folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func initialisesGitOnlyOutsideAWorkTree() throws {
        let temp = TemporaryDirectory()
        #expect(GitSetup.ensureWorkTree(at: temp.path) == .initialised)
        #expect(temp.exists(".git"))
        let repo = GitFixture()
        repo.write("sub/keep", "x")
        let top = repo.git("rev-parse", "--show-toplevel").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(GitSetup.ensureWorkTree(at: repo.path + "/sub") == .insideWorkTree(top))
        #expect(!repo.directory.exists("sub/.git"))
    }

    @Test func initializerUsesTheFolderNameAndReportsWhatItDid() throws {
        let temp = TemporaryDirectory()
        let report = try WorkspaceInitializer(directory: temp.path + "/Globex", scope: [.security]).run()
        #expect(report.workspace.organization == "Globex")
        #expect(report.workspace.system == "Globex Platform")
        #expect(report.git == .initialised)
        #expect(report.outcome.created.count == report.workspace.files.count)
        let text = report.text(displayPath: "Globex")
        #expect(text.contains("controls.yaml  \(report.workspace.controls.count) controls"))
        #expect(text.contains("cd Globex\n") && text.contains("dossier check"))
        let again = try WorkspaceInitializer(directory: temp.path + "/Globex", force: true).run()
        #expect(
            again.outcome.created.isEmpty || again.outcome.created.allSatisfy { !$0.hasPrefix("evidence/governance") })
        #expect(again.outcome.skipped.contains { $0.path == "controls.yaml" })
        #expect(again.text(displayPath: "Globex").contains("Skipped"))
    }
}
