import DossierCore
import DossierGit
import DossierTestSupport
import Foundation
import Testing

@testable import DossierSite

/// `dossier build` renders every other page on a second thread; what reaches the writer must not change.
@Suite("pages rendered ahead")
struct PageAheadTests {
    func files(_ repo: GitFixture, templates: String? = nil) -> SiteFiles {
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let log = DiagnosticLog()
        let set = TemplateSet.load(workspace: assessment.workspace, overrideDirectory: templates, into: log)
        let digests = EvidenceDigest.digests(of: assessment.readiness.inventory, files: WorkspaceFiles(root: repo.path))
        return SiteRenderer(assessment: assessment, digests: digests, templates: set).files()
    }

    /// Every file as (path, pieces joined), and the diagnostics, pulled in small pieces.
    func pull(_ files: inout SiteFiles) throws -> ([(String, [UInt8])], [Diagnostic]) {
        var all: [(String, [UInt8])] = []
        while true {
            var bytes: [UInt8] = []
            guard let path = try files.next(pieceSize: 4096, into: { bytes += $0 }) else { break }
            all.append((path, bytes))
        }
        return (all, files.diagnostics)
    }

    @Test("the same files, bytes and diagnostics, in the same order, as rendering one page at a time")
    func sameOutput() throws {
        let repo = SiteWorkspaceFixture.make()
        // Two broken page templates: each control and each criterion page reports, in path order.
        repo.write("templates/control.mustache", "{{#unclosed}}")
        repo.write("templates/criterion.mustache", "{{/stray}}")
        var inOrder = files(repo)
        var ahead = files(repo).renderingAhead()
        let (expected, expectedDiagnostics) = try pull(&inOrder)
        let (got, gotDiagnostics) = try pull(&ahead)
        #expect(expected.count > 70 && got.map(\.0) == expected.map(\.0))
        for (a, b) in zip(expected, got) { #expect(a.1 == b.1, "\(a.0)") }
        #expect(expectedDiagnostics.contains { $0.message.contains("`control`") })
        #expect(expectedDiagnostics.contains { $0.message.contains("`criterion`") })
        #expect(gotDiagnostics == expectedDiagnostics)
    }

    @Test("a writer that stops early (a failed write) ends the helper thread")
    func stopsWithTheWriter() throws {
        let repo = SiteWorkspaceFixture.make()
        weak var helper: PageAhead?
        do {
            var ahead = files(repo).renderingAhead()
            helper = ahead.ahead
            struct Full: Error {}
            _ = try? ahead.next(into: { _ in })
            #expect(throws: Full.self) { try ahead.next(into: { _ in throw Full() }) }
        }
        // The thread holds the helper until it returns; give it the page in hand to finish.
        let deadline = Date().addingTimeInterval(10)
        while helper != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(helper == nil)
    }
}
