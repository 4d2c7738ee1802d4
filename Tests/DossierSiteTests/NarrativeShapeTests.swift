import DossierCore
import DossierSite
import DossierTestSupport
import Foundation
import Testing

/// Narratives of the shapes real policy sets have: no front matter, an h2 for a title, folders, wide tables,
/// links to other narratives' headings, images safe mode drops.
@Suite("Narratives of many shapes")
struct NarrativeShapeTests {
    @Test("an inline image safe mode would empty gets the placeholder, never `<img src=\"\">`, and a warning")
    func droppedImage() throws {
        let repo = narrativeWorkspace(
            """
            # Access

            ![diagram](data:image/svg+xml;base64,PHN2Zz4=) ![dot](data:image/png;base64,iVBORw0KGgo=)
            """)
        let (_, site, diagnostics) = try renderSite(repo.path)
        let html = site.text("narratives/access.html")
        #expect(!html.contains("src=\"\""), "\(html)")
        #expect(html.contains("<img src=\"../assets/image-unavailable.svg\" alt=\"diagram\" />"))
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" />"))
        let warning = try #require(diagnostics.first { $0.message.contains("inline image") })
        #expect(warning.file == "narratives/access.md" && warning.line == 3 && warning.column == 1)
    }

    @Test("a link to a missing heading of another narrative is warned about; `[text](#)` is not")
    func otherNarrativesHeadings() throws {
        let repo = narrativeWorkspace(
            """
            # Access

            See [restores](continuity.md#restores), [backups](continuity.md#restore) and [top](#).
            """)
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let found = assessment.diagnostics.filter { $0.file == "narratives/access.md" }
        #expect(found.count == 1, "\(found)")
        let warning = try #require(found.first)
        #expect(warning.severity == .warning && warning.line == 3 && warning.column == 41)
        #expect(
            warning.message == "link to `narratives/continuity.md#restore`, which is not a heading of that narrative")
        #expect(warning.hint?.hasSuffix("did you mean `#restores`?") == true)
        let (_, site, _) = try renderSite(repo.path)
        #expect(site.text("narratives/access.html").contains("<a href=\"#\">top</a>"))
    }

    @Test("without a front-matter title, a first heading of any level is the title, shown once, keeping its id")
    func titleFromSubheading() throws {
        let repo = narrativeWorkspace(
            """
            ## Access policy

            Text, and [the title](#access-policy).

            ### Scope

            More.
            """)
        let (assessment, site, diagnostics) = try renderSite(repo.path)
        #expect(!diagnostics.contains { $0.file == "narratives/access.md" }, "\(diagnostics)")
        #expect(assessment.narratives.narrative("narratives/access.md")?.title == "Access policy")
        let html = site.text("narratives/access.html")
        #expect(html.components(separatedBy: ">Access policy</").count == 2, "the title once (and in <title>)")
        #expect(html.contains("<h1 id=\"access-policy\">Access policy</h1>"))
        #expect(html.contains("<article class=\"narrative\" aria-labelledby=\"access-policy\">"))
        #expect(html.contains("<h3 id=\"scope\">Scope</h3>"))
        #expect(SiteLinkChecker.check(site.byPath).isEmpty)
    }

    @Test("pages mirror the narratives' folders: another file never moves a page, and every link follows it")
    func pagePaths() throws {
        let repo = SiteWorkspaceFixture.make()
        repo.write(
            "narratives/policies/access.md",
            "# Access policy\n\nSee [continuity](../continuity.md#restores) and [AC-001].\n")
        repo.write("narratives/continuity.md", "# Continuity\n\n## Restores\n\nSee [policy](policies/access.md).\n")
        repo.commit("policies", date: "2026-04-01")
        let (_, before, _) = try renderSite(repo.path)
        #expect(before.file("narratives/policies/access.html") != nil)
        repo.write("narratives/policies-access.md", "# Flat\n")
        repo.commit("a flat twin", date: "2026-04-02")
        let (_, site, diagnostics) = try renderSite(repo.path)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(site.file("narratives/policies/access.html") != nil, "the page did not move")
        #expect(site.file("narratives/policies-access.html") != nil)
        #expect(site.file("narratives/policies-access-2.html") == nil)
        let html = site.text("narratives/policies/access.html")
        #expect(html.contains("href=\"../../assets/site.css\"") && html.contains("href=\"../../controls/AC-001.html\""))
        #expect(html.contains("href=\"../../narratives/continuity.html#restores\""))
        #expect(site.text("narratives/continuity.html").contains("href=\"../narratives/policies/access.html\""))
        #expect(site.text("narratives/index.html").contains("href=\"../narratives/policies/access.html\""))
        let problems = SiteLinkChecker.check(site.byPath)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("a narrative's tables scroll in a labelled region of their own, like the site's tables")
    func wrappedTables() throws {
        let repo = narrativeWorkspace(
            """
            # Access

            | System | Owner | Review |
            |---|---|---|
            | Okta | IT | quarterly |

            Text between.

            | a | b |
            |---|---|
            | 1 | 2 |

                <table>
                </table>
            """)
        let (_, site, _) = try renderSite(repo.path)
        let html = site.text("narratives/access.html")
        #expect(
            html.contains(
                "<div class=\"table-wrap\" role=\"region\" aria-label=\"Table 1\" tabindex=\"0\">\n<table>\n<thead>"))
        #expect(html.contains("<div class=\"table-wrap\" role=\"region\" aria-label=\"Table 2\" tabindex=\"0\">"))
        #expect(html.components(separatedBy: "</table>\n</div>").count == 3)
        #expect(html.contains("<pre><code>&lt;table&gt;\n&lt;/table&gt;\n</code></pre>"), "code is left alone")
    }
}
