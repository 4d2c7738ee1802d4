import DossierCore
import DossierSite
import DossierTestSupport
import Foundation
import Testing

/// The unchanged-build check: every kind of input a site is made from must make it rebuild when it changes.
@Suite("site stamp")
struct SiteStampTests {
    /// A fixture with a link to a file outside the folders a build always reads and an untracked evidence
    /// file, built and stamped.
    func stampedWorkspace() throws -> GitFixture {
        let repo = SiteWorkspaceFixture.make()
        repo.write("policies/handbook.pdf", "%PDF-1.4 handbook")
        repo.write(
            "narratives/continuity.md",
            "# Continuity\n\n## Restores\n\nSee the [handbook](../policies/handbook.pdf) for [BCP-001].\n")
        repo.commit("policies", date: "2026-04-01")
        repo.write("evidence/scratch.csv", "not committed\n")
        try build(repo)
        return repo
    }

    func inputs(
        _ repo: GitFixture, output: String = "site", asOf: CalendarDay? = nil, evidence: Bool = false,
        today: String = "2026-04-15"
    ) -> SiteInputs {
        var inputs = SiteInputs(
            workspace: Workspace(path: repo.path), output: repo.path + "/" + output, templateDirectory: nil,
            includeEvidence: evidence, asOfOverride: asOf, today: CalendarDay(iso: today)!)
        // The files were written a moment ago; the command waits for them to settle, the test does not.
        inputs.settleNanoseconds = 0
        return inputs
    }

    /// `dossier build --force` through its use case; returns the number of diagnostics it showed.
    @discardableResult
    func build(_ repo: GitFixture, settle: Int64 = 0) throws -> Int {
        var build = SiteBuild(
            pipeline: AssessmentPipeline(
                workspace: Workspace(path: repo.path), today: CalendarDay(iso: "2026-04-15")!),
            force: true)
        build.settleNanoseconds = settle
        let outcome = try build.run()
        #expect(!outcome.unchanged)
        return outcome.diagnostics.count
    }

    @Test("a file read after the snapshot is not among the stamped inputs")
    func readAfterSnapshot() throws {
        let repo = SiteWorkspaceFixture.make()
        // A file no control uses: nothing in the pipeline reads it (the secret scan reads what ships).
        repo.write("evidence/unused/notes.txt", "notes\n")
        repo.commit("notes", date: "2026-04-02")
        let site = inputs(repo)
        let assessment = AssessmentPipeline(
            workspace: site.workspace, today: CalendarDay(iso: "2026-04-15")!
        ).run()
        let snapshot = try #require(site.snapshot(of: assessment))
        let before = snapshot.inputs.finalize()
        #expect(!assessment.workspace.probes.recorded.contains("evidence/unused/notes.txt"))
        // Printing diagnostics quotes source lines, reading through the same workspace after the snapshot.
        _ = assessment.workspace.text("evidence/unused/notes.txt")
        #expect(assessment.workspace.probes.recorded.contains("evidence/unused/notes.txt"))
        #expect(try #require(site.snapshot(of: assessment)).inputs.finalize() != before)
        #expect(snapshot.inputs.finalize() == before)
    }

    @Test("a file read by any new reader through the workspace is an input of the stamp")
    func newInputKindIsSeen() throws {
        let repo = SiteWorkspaceFixture.make()
        repo.write("registers/risks.yaml", "risks: []\n")
        repo.commit("a register", date: "2026-04-02")
        var site = inputs(repo)
        site.settleNanoseconds = 0
        let assessment = AssessmentPipeline(
            workspace: site.workspace, today: CalendarDay(iso: "2026-04-15")!
        ).run()
        // A step added later reads a kind of input no build read before, through the only API it can reach.
        _ = try assessment.workspace.read("registers/risks.yaml")
        let snapshot = try #require(site.snapshot(of: assessment))
        let (templates, _) = (TemplateSet.builtin, ())
        var files = SiteRenderer(assessment: assessment, digests: [:], templates: templates).files()
        #expect(try SiteWriter(directory: site.output).write(&files) { _ in true })
        site.save(
            snapshot, startedAt: Int64(Date().timeIntervalSince1970 * 1_000_000_000) + 1, pages: 1, diagnostics: [])
        #expect(site.unchangedStamp() != nil)
        repo.write("registers/risks.yaml", "risks: [R-1]\n")
        #expect(site.unchangedStamp() == nil, "an edit of the new input must mean a rebuild")
    }

    @Test("an untouched workspace and site are recognised, with the build's warnings kept")
    func unchanged() throws {
        let repo = try stampedWorkspace()
        let stamp = try #require(inputs(repo).unchangedStamp())
        let pages = try FileManager.default.subpathsOfDirectory(atPath: repo.path + "/site").filter {
            $0.hasSuffix(".html")
        }
        #expect(stamp.pages == pages.count && pages.count > 20)
        #expect(stamp.diagnostics.contains { $0.code == .narrativeUnpublishedLink })
        #expect(stamp.probes.contains("policies/handbook.pdf"))
        #expect(repo.directory.exists(".git/dossier/site-stamp"))
    }

    /// Each change below is one a user makes; after it, the site must be rebuilt.
    @Test(
        "any change to what the site is made from means a rebuild",
        arguments: [
            "evidence edited, same size", "evidence added, untracked", "evidence deleted", "control map edited",
            "narrative edited", "template override added", "new commit", "change staged", "ignore rule added",
            "linked file outside the evidence removed", "a site page edited", "a site page added",
        ])
    func changes(_ change: String) throws {
        let repo = try stampedWorkspace()
        #expect(inputs(repo).unchangedStamp() != nil)
        switch change {
        case "evidence edited, same size":
            let old = try #require(repo.directory.read("evidence/access/sso-2026-03.csv"))
            repo.write("evidence/access/sso-2026-03.csv", String(old.reversed()))
        case "evidence added, untracked": repo.write("evidence/access/sso-2026-04.csv", "user,mfa\n")
        case "evidence deleted":
            try FileManager.default.removeItem(atPath: repo.path + "/evidence/access/mfa-2026-01.csv")
        case "control map edited":
            let map = try #require(repo.directory.read("controls.yaml"))
            repo.write("controls.yaml", map.replacingOccurrences(of: "title: Background checks", with: "title: Checks"))
        case "narrative edited": repo.write("narratives/continuity.md", "# Continuity\n\nRestores, [BCP-001].\n")
        case "template override added": repo.write("templates/partials/footer.mustache", "<footer>ours</footer>\n")
        case "new commit": repo.git("commit", "-q", "--allow-empty", "-m", "later")
        case "change staged":
            repo.git("add", "evidence/scratch.csv")
        case "ignore rule added": repo.write(".git/info/exclude", "evidence/scratch.csv\n")
        case "linked file outside the evidence removed":
            try FileManager.default.removeItem(atPath: repo.path + "/policies/handbook.pdf")
        case "a site page edited":
            let page = try #require(repo.directory.read("site/index.html"))
            repo.write("site/index.html", page.replacingOccurrences(of: "<html", with: "<HTML"))
        case "a site page added": repo.write("site/extra.html", "<p>planted</p>")
        default: Issue.record("unknown change \(change)")
        }
        #expect(inputs(repo).unchangedStamp() == nil, "\(change)")
    }

    @Test("other options than the stamped build's mean a rebuild")
    func options() throws {
        let repo = try stampedWorkspace()
        #expect(inputs(repo).unchangedStamp() != nil)
        #expect(inputs(repo, output: "elsewhere").unchangedStamp() == nil)
        #expect(inputs(repo, asOf: CalendarDay(iso: "2026-05-01")).unchangedStamp() == nil)
        #expect(inputs(repo, evidence: true).unchangedStamp() == nil)
        #expect(inputs(repo, today: "2026-04-16").unchangedStamp() == nil)
    }

    @Test("a build whose inputs changed too recently to trust their times removes the stamp instead")
    func unsettled() throws {
        let repo = try stampedWorkspace()
        #expect(inputs(repo).unchangedStamp() != nil)
        // Every input was written within the last minute: with a minute to settle, nothing may be stamped.
        try build(repo, settle: 60_000_000_000)
        #expect(!repo.directory.exists(".git/dossier/site-stamp"))
        #expect(inputs(repo).unchangedStamp() == nil)
    }

    @Test("a damaged or foreign stamp file is ignored")
    func damagedStamp() throws {
        let repo = try stampedWorkspace()
        let stamp = try #require(repo.directory.read(".git/dossier/site-stamp"))
        repo.write(".git/dossier/site-stamp", String(stamp.dropLast(7)))
        #expect(inputs(repo).unchangedStamp() == nil)
        repo.write(".git/dossier/site-stamp", stamp.replacingOccurrences(of: "\"format\":2", with: "\"format\":3"))
        #expect(inputs(repo).unchangedStamp() == nil)
        repo.write(".git/dossier/site-stamp", stamp)
        #expect(inputs(repo).unchangedStamp() != nil)
    }
}
