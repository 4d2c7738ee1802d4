import DossierCore
import DossierSite
import DossierTestSupport
import Foundation
import Testing

@Suite("Site safety")
struct SiteSafetyTests {
    @Test("strings from YAML, owners and file names are escaped on every page")
    func escaping() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, _) = try renderSite(repo.path)
        for page in site.pages {
            let html = String(decoding: page.bytes, as: UTF8.self)
            #expect(!html.contains(SiteWorkspaceFixture.hostile), "\(page.path)")
            #expect(!html.contains("<img src=x"), "\(page.path)")
            #expect(!html.contains("<b>"), "\(page.path)")
            #expect(!html.contains("<i>"), "\(page.path)")
            #expect(!html.contains("Acme <Corp>"), "\(page.path)")
        }
        #expect(site.text("controls/AC-001.html").contains("Single sign-on &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(site.text("controls/AC-002.html").contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(site.text("index.html").contains("Acme &lt;Corp&gt; &amp; &quot;Sons&quot;"))
    }

    @Test("raw HTML and javascript:, vbscript:, file: and non-image data: URLs never reach a narrative page")
    func unsafeMarkdown() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, site, _) = try renderSite(repo.path)
        let html = site.text("narratives/access.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("onerror"))
        for scheme in ["javascript:", "vbscript:", "file:", "data:text"] {
            #expect(!html.lowercased().contains(scheme), "\(scheme)")
        }
        #expect(html.contains("raw HTML omitted"))
    }

    @Test("more hostile narratives: entity-encoded schemes, autolinks, image handlers, link titles")
    func hostileNarrative() throws {
        let repo = narrativeWorkspace(
            """
            # Hostile

            [a](&#106;avascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c]( javascript:alert(1) )

            <javascript:alert(1)> <vbscript:x> [d](data:text/html,<script>alert(1)</script>)

            [e](https://example.com "title\\" onmouseover=\\"alert(1)") ![f](x.png" onerror="alert(1))

            ![g](data:image/png;base64,iVBORw0KGgo=) ![h](javascript:alert(1)) ![i](data:image/svg+xml;base64,PHN2Zz4=)

            <div onclick="alert(1)">div</div> <iframe src="https://evil.example"></iframe>

            <svg><script>alert(1)</script></svg> <style>body{}</style> <a href="javascript:alert(1)">x</a>

            [AC-001]
            """)
        let (_, site, _) = try renderSite(repo.path)
        let html = site.text("narratives/access.html")
        let urls = SiteLinkChecker.attributes("href", in: html) + SiteLinkChecker.attributes("src", in: html)
        for url in urls {
            let lower = url.lowercased()
            for scheme in ["javascript:", "vbscript:", "file:", "data:text", "data:image/svg"] {
                #expect(!lower.contains(scheme), "\(url)")
            }
        }
        for bad in ["onmouseover=\"", "onerror=\"", "onclick=\"", "<iframe", "<svg", "<style", "<div onclick"] {
            #expect(!html.contains(bad), "\(bad)")
        }
        #expect(urls.contains("data:image/png;base64,iVBORw0KGgo="), "inline raster images stay")
        #expect(urls.contains("../controls/AC-001.html"))
    }

    @Test("an oversized narrative and a table too wide are refused with a diagnostic naming the file and line")
    func boundedWork() throws {
        let header = "|" + String(repeating: " a |", count: 5_000)
        let delimiter = "|" + String(repeating: "---|", count: 5_000)
        let repo = narrativeWorkspace("# Wide\n\nText.\n\n\(header)\n\(delimiter)\n")
        repo.write("narratives/huge.md", String(repeating: "word ", count: 300_000))
        repo.commit("hostile", date: "2026-04-02")
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let wide = assessment.diagnostics.first { $0.file == "narratives/access.md" && $0.severity == .error }
        #expect(wide?.line == 5 && wide?.code == .narrativeMarkdown, "\(String(describing: wide))")
        #expect(wide?.message.contains("table cells") == true, "\(String(describing: wide))")
        let huge = assessment.diagnostics.first { $0.file == "narratives/huge.md" && $0.severity == .error }
        #expect(huge?.code == .narrativeMarkdown && huge?.message.contains("1500000 bytes") == true)
        #expect(!assessment.isValid)
    }

    @Test("invalid UTF-8 in a narrative is an error with its line and column")
    func invalidUTF8() throws {
        let repo = SiteWorkspaceFixture.make()
        repo.directory.write("narratives/latin1.md", bytes: Array("# Title\n\nCaf".utf8) + [0xE9] + Array("\n".utf8))
        repo.commit("latin1", date: "2026-04-02")
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let d = try #require(assessment.diagnostics.first { $0.file == "narratives/latin1.md" })
        #expect(d.severity == .error && d.line == 3 && d.column == 4 && d.code == .narrativeMarkdown)
    }

    @Test("a site renders the same bytes twice, and does not depend on the time or time zone")
    func deterministic() throws {
        let repo = SiteWorkspaceFixture.make()
        let (_, first, _) = try renderSite(repo.path)
        setenv("TZ", "Pacific/Kiritimati", 1)
        defer { unsetenv("TZ") }
        let (_, second, _) = try renderSite(repo.path)
        #expect(first.files == second.files)
    }
}
