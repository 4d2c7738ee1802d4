import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

@Suite struct EvidenceScannerTests {
    static let controls = """
        dossier: 1
        organization: Acme
        system: Platform
        controls:
          - id: AC-001
            title: MFA
            owner: it@acme.example
            frequency: monthly
            criteria: [CC6.1]
            status: implemented
            evidence:
              - evidence/access/*.csv

        """

    func assess(_ repo: GitFixture, asOf: String = "2026-07-15", subfolder: String? = nil) -> Assessment {
        let root = subfolder.map { repo.path + "/" + $0 } ?? repo.path
        return AssessmentPipeline(workspace: Workspace(path: root), asOfOverride: CalendarDay(iso: asOf)).run()
    }

    func file(_ a: Assessment, _ path: String) -> EvidenceFile? {
        a.readiness.inventory.files.first { $0.path == Array(path.utf8) }
    }

    @Test func datesAndAuthorsComeFromTheNewestCommitThatChangedEachFile() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/a.csv", "1").commit(
            date: "2026-01-10", author: "First Person")
        repo.write("evidence/access/b.csv", "2").commit(date: "2026-03-10", author: "Second Person")
        repo.write("evidence/access/a.csv", "1b").commit(
            "update a\n\nC 0000000000000000000000000000000000000000 1 2\nevidence/access/b.csv", date: "2026-07-01",
            author: "Third Person")
        let a = assess(repo)
        #expect(a.diagnostics.isEmpty, "\(a.diagnostics)")
        let fa = try #require(file(a, "evidence/access/a.csv"))
        let fb = try #require(file(a, "evidence/access/b.csv"))
        #expect(fa.date?.description == "2026-07-01")
        #expect(fa.commit?.author == "Third Person <ada@example.com>")
        #expect(fb.date?.description == "2026-03-10")
        #expect(fb.commit?.author == "Second Person <ada@example.com>")
        #expect(fa.blob?.count == 40)
        #expect(a.readiness.controls[0].state == .ready)
        #expect(a.readiness.inventory.git.head?.count == 40)
        #expect(a.readiness.inventory.git.branch == "main")
    }

    @Test func dirtyUntrackedIgnoredAndStagedFilesAreReported() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write(".gitignore", "*.tmp.csv\n")
            .write("evidence/access/clean.csv", "1").write("evidence/access/changed.csv", "1").write(
                "evidence/access/staged.csv", "1"
            )
            .commit(date: "2026-07-01")
        repo.write("evidence/access/changed.csv", "2").write("evidence/access/staged.csv", "2")
        repo.git("add", "evidence/access/staged.csv")
        repo.write("evidence/access/new.csv", "n").write("evidence/access/x.tmp.csv", "i").write(
            "evidence/access/added.csv", "a")
        repo.git("add", "evidence/access/added.csv")
        let a = assess(repo)
        #expect(file(a, "evidence/access/clean.csv")?.problems == [])
        #expect(file(a, "evidence/access/changed.csv")?.problems == [.modified])
        #expect(file(a, "evidence/access/staged.csv")?.problems == [.staged])
        #expect(file(a, "evidence/access/new.csv")?.problems == [.untracked])
        #expect(file(a, "evidence/access/added.csv")?.problems == [.untracked])
        #expect(file(a, "evidence/access/x.tmp.csv")?.problems == [.ignored])
        #expect(a.readiness.inventory.git.isDirty)
        let warned = Set(a.diagnostics.filter { $0.severity == .warning }.compactMap(\.file))
        // Modified and staged files still count (their committed version) but are never used silently.
        #expect(
            warned == [
                "evidence/access/new.csv", "evidence/access/added.csv", "evidence/access/x.tmp.csv",
                "evidence/access/changed.csv", "evidence/access/staged.csv",
            ])
        let q = a.readiness.controls[0].requirements[0]
        #expect(
            q.files.map(\.displayPath).sorted() == [
                "evidence/access/changed.csv", "evidence/access/clean.csv", "evidence/access/staged.csv",
            ])
    }

    @Test func symlinksAreNeverFollowedEvenThroughAParentFolder() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/real.csv", "1").write(
            "evidence/other/inner.csv", "x")
        try FileManager.default.createSymbolicLink(
            atPath: repo.path + "/evidence/access/passwd.csv", withDestinationPath: "/etc/passwd")
        repo.commit(date: "2026-07-01")
        // Swap a committed folder for a link to /etc after the commit.
        try FileManager.default.removeItem(atPath: repo.path + "/evidence/other")
        try FileManager.default.createSymbolicLink(atPath: repo.path + "/evidence/other", withDestinationPath: "/etc")
        let a = assess(repo)
        #expect(file(a, "evidence/access/passwd.csv")?.problems == [.symlink])
        let inner = try #require(file(a, "evidence/other/inner.csv"))
        #expect(!inner.isUsable)
        #expect(a.readiness.controls[0].requirements[0].files.map(\.displayPath) == ["evidence/access/real.csv"])
    }

    @Test func fifosAndLFSPointersNeverCount() throws {
        let repo = GitFixture()
        let pointer =
            "version https://git-lfs.github.com/spec/v1\noid sha256:\(String(repeating: "a", count: 64))\nsize 123456\n"
        repo.write("controls.yaml", Self.controls).write("evidence/access/big.csv", pointer).write(
            "evidence/access/pipe.csv", "1"
        )
        .commit(date: "2026-07-01")
        // A committed file replaced by a FIFO, and an untracked FIFO: reading either would block forever.
        try FileManager.default.removeItem(atPath: repo.path + "/evidence/access/pipe.csv")
        #expect(mkfifo(repo.path + "/evidence/access/pipe.csv", 0o644) == 0)
        #expect(mkfifo(repo.path + "/evidence/access/untracked-pipe.csv", 0o644) == 0)
        let a = assess(repo)
        #expect(file(a, "evidence/access/big.csv")?.problems == [.lfsPointer])
        #expect(file(a, "evidence/access/pipe.csv")?.problems.contains(.notRegular) == true)
        #expect(file(a, "evidence/access/untracked-pipe.csv")?.isUsable != true)
        #expect(a.readiness.controls[0].state == .missingEvidence)
    }

    @Test func submodulesAreNotEvidence() throws {
        let inner = GitFixture("inner")
        inner.write("x.csv", "1").commit(date: "2026-01-01")
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).commit(date: "2026-01-01")
        repo.git("-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.path, "evidence/access/sub.csv")
        repo.commit(date: "2026-07-01")
        let a = assess(repo)
        #expect(file(a, "evidence/access/sub.csv")?.problems == [.submodule])
    }

    @Test func aWorkspaceInASubfolderOfTheRepository() throws {
        let repo = GitFixture()
        repo.write("compliance/controls.yaml", Self.controls).write("compliance/evidence/access/a.csv", "1")
            .write("evidence/access/outside.csv", "o").commit(date: "2026-07-01")
        repo.write("compliance/evidence/access/new.csv", "n")
        let a = assess(repo, subfolder: "compliance")
        #expect(a.readiness.inventory.files.map(\.displayPath) == ["evidence/access/a.csv", "evidence/access/new.csv"])
        #expect(file(a, "evidence/access/a.csv")?.date?.description == "2026-07-01")
        #expect(file(a, "evidence/access/new.csv")?.problems == [.untracked])
    }

    @Test func namesAreKeyedByBytes() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/caf\u{E9}.csv", "nfc").write(
            "evidence/access/cafe\u{301}.csv", "nfd")
        repo.commit(date: "2026-07-01")
        // A name that is not UTF-8: created with the raw bytes.
        let raw = Array((repo.path + "/evidence/access/").utf8) + [0xFF] + Array(".csv".utf8)
        let created = (raw + [0]).withUnsafeBufferPointer { p in
            p.withMemoryRebound(to: CChar.self) { creat($0.baseAddress!, 0o644) }
        }
        #expect(created >= 0)
        close(created)
        repo.commit(date: "2026-07-02")
        let a = assess(repo)
        let paths = a.readiness.inventory.files.map(\.path)
        #expect(paths.contains(Array("evidence/access/caf\u{E9}.csv".utf8)))
        #expect(paths.contains(Array("evidence/access/cafe\u{301}.csv".utf8)))
        #expect(paths.contains(Array("evidence/access/".utf8) + [0xFF] + Array(".csv".utf8)))
        #expect(a.readiness.inventory.files.contains { $0.displayPath == "evidence/access/\\xFF.csv" })
        #expect(a.readiness.controls[0].requirements[0].files.count == 3)
    }

    @Test func notAGitWorkTreeJudgesNothingByDates() throws {
        let dir = TemporaryDirectory()
        dir.write("controls.yaml", Self.controls)
        dir.write("evidence/access/a.csv", "1")
        let a = AssessmentPipeline(workspace: Workspace(path: dir.path), asOfOverride: CalendarDay(iso: "2026-07-15"))
            .run()
        #expect(!a.readiness.inventory.git.isWorkTree)
        #expect(a.diagnostics.contains { $0.severity == .warning && $0.code == .gitNotAWorkTree })
        #expect(a.readiness.controls[0].state == .undated)
    }

    @Test func shallowClonesSayTheirDatesCannotBeTrusted() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/old.csv", "1").commit(date: "2025-01-01")
        repo.write("evidence/access/new.csv", "2").commit(date: "2026-07-01")
        let clone = TemporaryDirectory("clone")
        let result = Command.run(
            "/usr/bin/env", ["git", "clone", "-q", "--depth", "1", "file://" + repo.path, clone.path + "/w"])
        #expect(result.status == 0, "\(result.stderr)")
        let a = AssessmentPipeline(
            workspace: Workspace(path: clone.path + "/w"), asOfOverride: CalendarDay(iso: "2026-07-15")
        ).run()
        #expect(a.readiness.inventory.git.isShallow)
        #expect(a.diagnostics.contains { $0.code == .gitShallow })
        let old = try #require(a.readiness.inventory.files.first { $0.displayPath == "evidence/access/old.csv" })
        #expect(old.problems.contains(.shallowHistory))
        #expect(old.date == nil)
    }

    @Test func theRepositorysOwnConfigRunsNothing() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/a.csv", "1").commit(date: "2026-07-01")
        let marker = repo.path + "/../fsmonitor-ran-\(UUID().uuidString)"
        repo.write("hook.sh", "#!/bin/sh\ntouch '\(marker)'\n")
        chmod(repo.path + "/hook.sh", 0o755)
        repo.git("config", "core.fsmonitor", repo.path + "/hook.sh")
        repo.git("config", "core.pager", repo.path + "/hook.sh")
        repo.git("config", "log.showSignature", "true")
        let a = assess(repo)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(file(a, "evidence/access/a.csv")?.date?.description == "2026-07-01")
    }

    @Test func declaredCollectionDatesWinAndAreChecked() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/a.csv", "1").write(
            "evidence/access/b.csv", "1"
        )
        .write(
            "evidence/collected.yaml",
            "evidence/access/a.csv: 2026-06-20\nevidence/access/b.csv: 2026-09-01\nevidence/access/gone.csv: 2026-01-01\nevidence/access/c.csv: soon\n"
        )
        .commit(date: "2026-07-01")
        let a = assess(repo)
        #expect(file(a, "evidence/access/a.csv")?.date?.description == "2026-06-20")
        #expect(file(a, "evidence/access/b.csv")?.date?.description == "2026-07-01")
        #expect(file(a, "evidence/collected.yaml") == nil)
        let errors = a.diagnostics.filter { $0.file == "evidence/collected.yaml" }
        #expect(errors.map(\.line) == [2, 3, 4])
        #expect(errors.map(\.severity) == [.error, .warning, .error])
    }

    @Test func readmesInTheEvidenceTreeAreNotEvidence() throws {
        let repo = GitFixture()
        repo.write("controls.yaml", Self.controls).write("evidence/access/README.md", "what to collect").write(
            "evidence/access/a.csv", "1"
        )
        .commit(date: "2026-07-01")
        let a = assess(repo)
        #expect(a.readiness.inventory.files.map(\.displayPath) == ["evidence/access/a.csv"])
    }
}
