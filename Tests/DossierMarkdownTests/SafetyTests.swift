import DossierMarkdown
import Testing

@Suite struct SafetyTests {
    @Test(arguments: [
        "<script>alert(1)</script>\n",
        "<img src=x onerror=alert(1)>\n",
        "Inline <img src=x onerror=alert(1)> image\n",
        "<iframe src=\"https://evil.example\"></iframe>\n",
        "text <iframe src=x></iframe> text\n",
        "<div onclick=\"alert(1)\">x</div>\n",
    ])
    func rawHTMLNeverBecomesLive(source: String) throws {
        let html = try render(source).html
        for tag in ["<script", "<img", "<iframe", "<div", "onerror", "onclick"] {
            #expect(!html.contains(tag), "\(tag) leaked from \(source)")
        }
        #expect(html.contains("raw HTML omitted"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](vbscript:msgbox)",
        "[x](file:///etc/passwd)", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>",
    ])
    func dangerousLinkDestinationsBecomeEmpty(source: String) throws {
        let html = try render(source + "\n").html
        #expect(html.contains("href=\"\""), "\(html)")
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(!html.contains("href=\"vbscript") && !html.contains("href=\"file") && !html.contains("href=\"data"))
    }

    @Test func nonImageDataURLsInImagesBecomeEmpty() throws {
        let html = try render("![x](data:image/svg+xml;base64,PHN2Zz4=)\n").html
        #expect(html.contains("src=\"\""))
    }

    @Test func pngDataImagesKeepWorking() throws {
        let html = try render("![dot](data:image/png;base64,iVBORw0KGgo=)\n").html
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" />"))
    }

    @Test func rewrittenDestinationsStillGoThroughTheSafetyCheck() throws {
        let html = try render("[x](/ok)\n") { $0.rewriteDestination = { _ in "javascript:alert(1)" } }.html
        #expect(html.contains("<a href=\"\">x</a>"))
    }
}
