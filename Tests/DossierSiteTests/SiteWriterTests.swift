import DossierCore
import DossierGit
import DossierTestSupport
import Foundation
import Testing

@testable import DossierSite

@Suite("Site writer")
struct SiteWriterTests {
    let output = SiteOutput(
        files: [SiteFile(path: "index.html", text: "<p>new</p>"), SiteFile(path: "controls/A.html", text: "a")],
        diagnostics: [])

    @Test("writes into a new folder with the marker, then replaces it without stale files")
    func replace() throws {
        let dir = TemporaryDirectory()
        let writer = SiteWriter(directory: dir.path + "/out/site")
        try writer.write(output)
        #expect(dir.read("out/site/index.html") == "<p>new</p>" && dir.exists("out/site/.dossier-site"))
        dir.write("out/site/old.html", "stale")
        try writer.write(SiteOutput(files: [SiteFile(path: "index.html", text: "second")], diagnostics: []))
        #expect(dir.read("out/site/index.html") == "second")
        #expect(!dir.exists("out/site/old.html") && !dir.exists("out/site/controls/A.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out") == ["site"])
    }

    @Test("an empty existing folder is fine; a foreign folder, a file and a link are refused untouched")
    func refusals() throws {
        let dir = TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/empty", withIntermediateDirectories: false)
        try SiteWriter(directory: dir.path + "/empty").write(output)
        #expect(dir.exists("empty/index.html"))

        dir.write("home/notes.txt", "precious")
        #expect(throws: SiteWriterError.self) { try SiteWriter(directory: dir.path + "/home").write(output) }
        #expect(dir.read("home/notes.txt") == "precious" && !dir.exists("home/index.html"))

        dir.write("file", "x")
        #expect(throws: SiteWriterError.self) { try SiteWriter(directory: dir.path + "/file").write(output) }

        symlink(dir.path + "/empty", dir.path + "/link")
        #expect(throws: SiteWriterError.self) { try SiteWriter(directory: dir.path + "/link").write(output) }
        #expect(dir.exists("empty/index.html"))
    }

    @Test("a streamed build that is not kept leaves the earlier site as it was and no staging folder")
    func notKept() throws {
        let dir = TemporaryDirectory()
        let writer = SiteWriter(directory: dir.path + "/site")
        try writer.write(output)
        let repo = SiteWorkspaceFixture.make()
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        var files = SiteRenderer(assessment: assessment, digests: [:], templates: .builtin).files()
        #expect(try writer.write(&files) { _ in false } == false)
        #expect(dir.read("site/index.html") == "<p>new</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["site"])
        var again = SiteRenderer(assessment: assessment, digests: [:], templates: .builtin).files()
        let paths = again.paths
        #expect(try writer.write(&again) { $0.nextPath == nil })
        #expect(dir.exists("site/index.html") && dir.read("site/index.html") != "<p>new</p>")
        #expect(paths.allSatisfy { dir.exists("site/" + $0) } && !dir.exists("site/controls/A.html"))
    }

    @Test("paths that would leave the site are refused and nothing is written")
    func unsafePaths() {
        for bad in ["../escape.html", "/abs.html", "a/../../b", "a//b", "", "a\\b"] {
            #expect(!SiteWriter.isSafe(bad), "\(bad)")
        }
        let dir = TemporaryDirectory()
        let hostile = SiteOutput(files: [SiteFile(path: "../escape.html", text: "x")], diagnostics: [])
        #expect(throws: SiteWriterError.self) { try SiteWriter(directory: dir.path + "/site").write(hostile) }
        #expect(!dir.exists("escape.html") && !dir.exists("site"))
    }
}

@Suite("Evidence digests and gaps")
struct EvidenceDigestTests {
    @Test("SHA-256 of a file read in chunks matches the known digest, and links are refused")
    func digest() throws {
        let dir = TemporaryDirectory()
        dir.write("abc.txt", "abc")
        #expect(
            try EvidenceDigest.sha256(WorkspaceFiles(root: dir.path), path: Array("abc.txt".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let big = [UInt8](repeating: 7, count: EvidenceDigest.chunkSize * 2 + 3)
        dir.write("big.bin", bytes: big)
        #expect(
            try EvidenceDigest.sha256(WorkspaceFiles(root: dir.path), path: Array("big.bin".utf8))
                == EvidenceDigest.sha256(big))
        symlink("/etc/passwd", dir.path + "/link")
        #expect(throws: SafeFileError.symlink) {
            _ = try EvidenceDigest.sha256(WorkspaceFiles(root: dir.path), path: Array("link".utf8))
        }
    }

    @Test("gaps are grouped by owner, owners sorted, unowned criteria last")
    func gapsByOwner() throws {
        let repo = SiteWorkspaceFixture.make()
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let gaps = GapList(assessment.readiness)
        let owners = gaps.byOwner.map(\.owner)
        #expect(owners.last == .some(nil))
        #expect(
            owners.dropLast()
                == [SiteWorkspaceFixture.hostileOwner, "it@example.com", "people@example.com"].map(Optional.some))
        let it = try #require(gaps.byOwner.first { $0.owner == "it@example.com" })
        #expect(it.gaps.map(\.kind).contains(.missingEvidence) && it.gaps.map(\.kind).contains(.expiringEvidence))
        #expect(gaps.urgent.allSatisfy { $0.kind.isUrgent })
    }
}

@Suite("Site files, one at a time")
struct SiteFilesTests {
    @Test("files() pulls every page and asset in byte order of paths, announcing the paths first")
    func streamingMatchesWholeSite() throws {
        let repo = SiteWorkspaceFixture.make()
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let log = DiagnosticLog()
        let set = TemplateSet.load(workspace: assessment.workspace, overrideDirectory: nil, into: log)
        let digests = EvidenceDigest.digests(
            of: assessment.readiness.inventory, files: WorkspaceFiles(root: assessment.workspace.root))
        let renderer = SiteRenderer(assessment: assessment, digests: digests, templates: set)
        var files = renderer.files()
        let announced = files.paths
        var pulled: [SiteFile] = []
        while let file = files.next() { pulled.append(file) }
        #expect(announced == pulled.map(\.path))
        // Every page (six indexes and overviews, one per criterion, control and narrative; risks, vendors and
        // subprocessors, the policy index and one per policy) and every asset.
        let r = assessment.readiness
        let pages =
            6 + r.criteria.count + r.controls.count + assessment.narratives.narratives.count + 3 + 1
            + assessment.registers.policies.count
        #expect(pulled.filter(\.isPage).count == pages)
        #expect(Set(pulled.map(\.path)).isSuperset(of: set.assets.keys))
        #expect(pulled.count == pages + set.assets.count)
        #expect(pulled.allSatisfy { !$0.bytes.isEmpty })
        #expect(
            pulled.map(\.path) == pulled.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        )
        #expect(pulled.count > 60 && files.next() == nil)
    }
}
