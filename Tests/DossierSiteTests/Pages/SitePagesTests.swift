import DossierCore
import DossierSite
import DossierTestSupport
import Foundation
import Testing

@Suite("Site pages")
struct SitePagesTests {
    @Test("every section has its pages, with relative links that all resolve")
    func pagesAndLinks() throws {
        let repo = SiteWorkspaceFixture.make()
        let (assessment, site, diagnostics) = try renderSite(repo.path)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        let paths = Set(site.files.map(\.path))
        for expected in [
            "index.html", "gaps.html", "evidence.html", "controls/index.html", "criteria/index.html",
            "narratives/index.html", "controls/AC-001.html", "controls/HR-001.html", "criteria/CC6.1.html",
            "criteria/P8.1.html", "narratives/access.html", "narratives/continuity.html", "risks.html", "vendors.html",
            "subprocessors.html", "policies/index.html", "policies/POL-1.html", "policies/POL-2.html",
            "assets/site.css", "assets/site.js", "assets/icon.svg",
        ] {
            #expect(paths.contains(expected), "missing \(expected)")
        }
        // 6 section pages + 4 controls + 61 criteria + 2 narratives + risks, vendors, subprocessors + policy
        // index and 2 policies.
        #expect(
            site.pageCount == 6 + assessment.readiness.controls.count + SOC2Catalog.criteria.count + 2 + 3 + 1
                + assessment.registers.policies.count)
        #expect(
            site.files.map(\.path)
                == site.files.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        let problems = SiteLinkChecker.check(site.byPath)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("the dashboard shows readiness, categories, states, urgent gaps, expiring evidence, commit and as-of date")
    func dashboard() throws {
        let repo = SiteWorkspaceFixture.make()
        let head = repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        let (assessment, site, _) = try renderSite(repo.path)
        let html = site.text("index.html")
        let percent = assessment.readiness.percent!
        let tenths = Int((percent * 10).rounded())
        #expect(html.contains("\(tenths / 10).\(tenths % 10)%"))
        #expect(html.contains(">Security</a>") && html.contains(">Availability</a>"))
        #expect(html.contains("Not in scope: Processing Integrity, Confidentiality, Privacy."))
        #expect(html.contains("missing evidence") && html.contains("stale evidence") && html.contains("planned"))
        #expect(html.contains("Collect missing evidence") && html.contains("BCP-001"))
        #expect(html.contains("Refresh stale evidence") && html.contains("AC-002"))
        // AC-001's newest file (2026-03-31, monthly) is fresh until 2026-05-01: 16 days after the as-of date.
        #expect(html.contains("Evidence expiring within 30 days"))
        #expect(html.contains("2026-05-01") && html.contains("<td data-label=\"Days left\">16</td>"))
        #expect(html.contains(String(head.prefix(12))) && html.contains("title=\"\(head)\""))
        #expect(html.contains("datetime=\"2026-04-15\""))
    }

    @Test("criteria index groups by category and family; a criterion page shows its controls and exclusion")
    func criteria() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, _) = try renderSite(repo.path)
        let index = site.text("criteria/index.html")
        #expect(
            index.contains("id=\"category-security\"") && index.contains("<h3>CC6 Logical and Physical Access</h3>"))
        let cc61 = site.text("criteria/CC6.1.html")
        #expect(cc61.contains("href=\"../controls/AC-001.html\"") && cc61.contains("href=\"../controls/AC-002.html\""))
        #expect(cc61.contains(">covered</span>"))
        let a13 = site.text("criteria/A1.3.html")
        #expect(a13.contains("Why it is excluded") && a13.contains("No recovery site &lt;b&gt;at all&lt;/b&gt;"))
        #expect(site.text("criteria/C1.1.html").contains("out of scope"))
    }

    @Test("a control page lists evidence files with provenance, a Type II timeline and what is missing")
    func control() throws {
        let repo = SiteWorkspaceFixture.make()
        let (assessment, site, _) = try renderSite(repo.path)
        let html = site.text("controls/AC-001.html")
        let file = assessment.readiness.inventory.files.first { $0.displayPath == "evidence/access/sso-2026-03.csv" }!
        let digest = EvidenceDigest.sha256(Array("user,sso\nada,yes\nbob,yes\n".utf8))
        #expect(
            html.contains("<span>evidence/</span><wbr><span>access/</span><wbr><span>sso-2026-03.csv</span>")
                && html.contains("25 B"), "paths wrap at their slashes")
        #expect(html.contains("<code>\(digest.prefix(12))</code>"))
        #expect(html.contains(String(file.commit!.hash.prefix(12))) && html.contains("Ada Auditor"))
        #expect(!html.contains("ada@example.com"), "pages name authors without publishing their addresses")
        // January's file would be stale on its own; a newer export supersedes it, which is no problem.
        #expect(
            html.contains(">fresh</span>") && html.contains(">superseded</span>") && !html.contains(">stale</span>"))
        #expect(
            html.contains(
                "<span class=\"timeline__label\">2026-02</span> <span class=\"timeline__state\">1 file</span>"))
        #expect(
            html.contains(
                "<span class=\"timeline__label\">2026-04</span> <span class=\"timeline__state\">in progress</span>"))
        #expect(html.contains("href=\"../narratives/access.html\""))
        let missing = site.text("controls/BCP-001.html")
        #expect(missing.contains("No committed file matches evidence/continuity/restore-*.pdf."))
        #expect(
            missing.contains(
                "<span class=\"timeline__label\">2026-Q1</span> <span class=\"timeline__state\">no evidence</span>"))
        #expect(missing.contains("No evidence in 2026-Q1."))
    }

    @Test("the evidence inventory lists provenance, users, unused files and files with problems")
    func evidence() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, _) = try renderSite(repo.path)
        let html = site.text("evidence.html")
        let digest = EvidenceDigest.sha256(Array("user,sso\nada,yes\n".utf8))
        #expect(
            html.contains(
                "<details class=\"digest\"><summary><code>\(digest.prefix(12))</code>…</summary>"
                    + "<code class=\"digest__full\">\(digest)</code></details>"),
            "the inventory shows short digests, the full value on demand")
        #expect(html.contains("odd &lt;b&gt;&quot;name&quot;&lt;/b&gt;.txt"))
        #expect(html.contains("href=\"controls/AC-001.html\""))
        #expect(html.contains("<section aria-labelledby=\"Unused\">"))
        #expect(html.contains("evidence/untracked.csv") && html.contains(">untracked</span>"))
        #expect(!html.contains("files/evidence"), "evidence files are not copied by default")
    }

    @Test("the gaps page groups everything to do by owner")
    func gaps() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, _) = try renderSite(repo.path)
        let html = site.text("gaps.html")
        let it = try #require(html.range(of: "<h2 id=\"owner-it-example.com\">it@example.com</h2>"))
        let people = try #require(html.range(of: "<h2 id=\"owner-people-example.com\">people@example.com</h2>"))
        let itSection = html[it.upperBound..<people.lowerBound]
        #expect(itSection.contains("BCP-001") && itSection.contains("Collect missing evidence"))
        #expect(!itSection.contains("HR-001"))
        #expect(html[people.upperBound...].contains("HR-001") && html.contains("Implement planned controls"))
    }

    @Test("narratives render GFM with anchors, a table of contents, front matter and working references")
    func narrative() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, diagnostics) = try renderSite(repo.path)
        let html = site.text("narratives/access.html")
        #expect(html.contains("<h1 id=\"access-control\">Access control</h1>"), "the title keeps its heading's id")
        #expect(html.components(separatedBy: ">Access control</h").count == 2, "the body's title is not repeated")
        #expect(
            html.contains("<dt>Owner</dt><dd>security@example.com</dd>") && html.contains("2026-02-01")
                && html.contains("1.2"))
        #expect(html.contains("<a href=\"#how-it-works\">") && html.contains("<a href=\"#how-it-works-1\">"))
        #expect(html.contains("id=\"how-it-works\"") && html.contains("id=\"how-it-works-1\""))
        #expect(html.contains("<table>") && html.contains("<del>Okta</del>") && html.contains("type=\"checkbox\""))
        #expect(html.contains("href=\"https://idp.example.com\""), "autolinks")
        #expect(html.contains("<a href=\"../controls/AC-001.html\">AC-001</a>"))
        #expect(html.contains("<a href=\"../controls/AC-002.html\">the MFA control</a>"))
        #expect(html.contains("<a href=\"../criteria/CC6.1.html\">CC6.1</a>"))
        let file = site.text("evidence.html")
        let anchor = try #require(SiteLinkChecker.attributes("id", in: file).first { $0.contains("sso-2026-03") })
        #expect(html.contains("href=\"../evidence.html#\(anchor)\""))
        #expect(html.contains("href=\"../narratives/continuity.html#restores\""))
        #expect(html.contains("src=\"../assets/image-unavailable.svg\""), "images load from the site only")
        // Remote images are reported; everything else resolves.
        #expect(diagnostics.contains { $0.code == .narrativeRemoteImage && $0.file == "narratives/access.md" })
        #expect(!diagnostics.hasErrors)
    }

    @Test("every page carries the CSP and no inline script, inline style or remote resource")
    func contentSecurityPolicy() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, _) = try renderSite(repo.path)
        for page in site.pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            #expect(
                html.contains(
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;self&#39;;"
                ), "\(page.path)")
            #expect(!html.contains(" style=\""), "\(page.path)")
            #expect(!html.contains("<style"), "\(page.path)")
            let scripts = html.components(separatedBy: "<script").count - 1
            #expect(scripts == 1 && html.contains("<script src=\""), "\(page.path)")
            for source in SiteLinkChecker.attributes("src", in: html) {
                #expect(!source.contains(":"), "\(page.path): \(source)")
            }
        }
    }
}

@Suite("Site pages in pieces")
struct SiteStreamingTests {
    /// Streaming is how a bundle and a build keep one page's worth of memory: every file must arrive with
    /// the bytes it has when rendered whole, a large page in several pieces.
    @Test func everyFileArrivesInPiecesWithItsWholeBytes() throws {
        let repo = SiteWorkspaceFixture.make()
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let renderer = SiteRenderer(
            assessment: assessment, digests: [:],
            templates: TemplateSet.load(workspace: assessment.workspace, overrideDirectory: nil, into: DiagnosticLog()))
        var whole = renderer.files()
        var streamed = renderer.files()
        var split = 0
        while let file = whole.next() {
            #expect(streamed.nextPath == file.path)
            var pieces: [[UInt8]] = []
            let path = try streamed.next(pieceSize: 512) { pieces.append($0) }
            #expect(path == file.path)
            #expect(Array(pieces.joined()) == file.bytes, "\(file.path)")
            if pieces.count > 1 { split += 1 }
        }
        #expect(try streamed.next { _ in } == nil && streamed.nextPath == nil)
        #expect(split > 10)
    }

    @Test func aSinkThatFailsStopsThePage() throws {
        struct Full: Error {}
        let repo = SiteWorkspaceFixture.make()
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        var files = SiteRenderer(assessment: assessment, digests: [:], templates: .builtin).files()
        var calls = 0
        #expect(throws: Full.self) {
            _ = try files.next(pieceSize: 64) { _ in
                calls += 1
                throw Full()
            }
        }
        #expect(calls == 1)
    }
}
