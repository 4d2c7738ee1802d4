import DossierMarkdown
import Testing

@Suite struct HeadingTests {
    @Test func slugsAreGitHubStyle() throws {
        let document = try render(
            "# Access Reviews\n## Vendor (Third-Party) Risk: 2024!\n### snake_case & more\n# Überprüfung der Zugänge\n# 🚀 Launch\n"
        )
        #expect(
            document.headings.map(\.id) == [
                "access-reviews", "vendor-third-party-risk-2024", "snake_case--more", "überprüfung-der-zugänge",
                "-launch",
            ])
    }

    @Test func idsAreUniqueAndEmptySlugsBecomeSection() throws {
        let document = try render("# Intro\n# Intro\n# intro-1\n# Intro\n# !!!\n# ???\n")
        #expect(document.headings.map(\.id) == ["intro", "intro-1", "intro-1-1", "intro-2", "section", "section-1"])
    }

    @Test func idsAreOnTheHeadingTags() throws {
        let document = try render("Text\n\n## Access Reviews\n\nSetext\n======\n")
        #expect(document.html.contains("<h2 id=\"access-reviews\">Access Reviews</h2>"))
        #expect(document.html.contains("<h1 id=\"setext\">Setext</h1>"))
    }

    @Test func codeAndRawHTMLHeadingsDoNotShiftIds() throws {
        let source =
            "# First\n\n```\n<h2>in code</h2>\n```\n\n<h2>raw</h2>\n\nInline `<h3>` and <h2>x</h2>\n\n## Second\n"
        let document = try render(source)
        #expect(document.headings.map(\.id) == ["first", "second"])
        #expect(document.html.contains("<h1 id=\"first\">First</h1>"))
        #expect(document.html.contains("<h2 id=\"second\">Second</h2>"))
        #expect(document.html.contains("&lt;h2&gt;in code&lt;/h2&gt;"))
        #expect(occurrences(of: " id=\"", in: document.html) == 2)
    }

    @Test func headingTextIsPlainText() throws {
        let document = try render(
            "## *Access* `reviews` ![for](x.png) <b>raw</b> [links](/l)\nSetext\nover lines\n---\n")
        #expect(document.headings.map(\.text) == ["Access reviews for raw links", "Setext over lines"])
        #expect(document.headings.map(\.level) == [2, 2])
        #expect(document.headings.map(\.line) == [1, 2])
    }

    @Test func headingsInFootnotesKeepDocumentOrder() throws {
        let document = try render("# Top\n\nText[^1]\n\n[^1]: note\n\n    ## In note\n\n# Bottom\n")
        #expect(document.headings.map(\.id) == ["top", "bottom", "in-note"])
        #expect(document.html.contains("<h1 id=\"bottom\">"))
        #expect(document.html.contains("<h2 id=\"in-note\">In note</h2>"))
    }

    @Test func headingIdsAvoidFootnoteIds() throws {
        let document = try render("# fn note\n# fnref note\n# fnref note 2\n\nText[^note] and[^note]\n\n[^note]: a\n")
        #expect(document.headings.map(\.id) == ["fn-note-1", "fnref-note-1", "fnref-note-2-1"])
        #expect(occurrences(of: "id=\"fn-note\"", in: document.html) == 1)
        #expect(occurrences(of: "id=\"fnref-note-2\"", in: document.html) == 1)
    }

    @Test func idLikeTextDoesNotReserveIds() throws {
        let document = try render("# Intro\n\nText with id=\"intro\" and <a id=\"intro\">raw</a>.\n")
        #expect(document.headings.map(\.id) == ["intro"])
        #expect(occurrences(of: " id=\"", in: document.html) == 1)
    }
}
