import DossierMarkdown
import Testing

@Suite struct RenderingTests {
    @Test func rendersAParagraphWithEmphasis() throws {
        let document = try render("Hello *world*.\n")
        #expect(document.html == "<p>Hello <em>world</em>.</p>\n")
    }

    @Test func rendersTables() throws {
        let document = try render("| Control | Owner |\n|:---|---:|\n| AC-001 | Dana |\n")
        #expect(document.html.contains("<table>"))
        #expect(document.html.contains("<th align=\"left\">Control</th>"))
        #expect(document.html.contains("<td align=\"right\">Dana</td>"))
    }

    @Test func rendersFootnotes() throws {
        let document = try render("Reviewed quarterly.[^1]\n\n[^1]: See the access review runbook.\n")
        #expect(document.html.contains("<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\""))
        #expect(document.html.contains("<section class=\"footnotes\""))
        #expect(document.html.contains("See the access review runbook."))
    }

    @Test func rendersTaskLists() throws {
        let document = try render("- [ ] rotate keys\n- [x] enable MFA\n")
        #expect(document.html.contains("<input type=\"checkbox\" disabled=\"\" /> rotate keys"))
        #expect(document.html.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> enable MFA"))
    }

    @Test func rendersStrikethroughAndAutolinks() throws {
        let document = try render("~~old~~ see www.example.com\n")
        #expect(document.html.contains("<del>old</del>"))
        #expect(document.html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    }

    @Test func outputIsDeterministicAcrossThreads() async throws {
        // gfm.6 adds and removes extension characters (~, autolink triggers) in a process-wide table on every
        // parse; without serialisation, concurrent renders lose strikethrough and autolinks at random.
        let section =
            "# Intro\n\n~~old~~ www.example.com and https://x.example/a, mail a@b.example.\n\n| a | b |\n|---|---|\n| ~~1~~ | www.t.example |\n\n"
        let source = String(repeating: section, count: 300) + "See [AC-001].[^n]\n\n[^n]: note\n"
        var options = MarkdownOptions()
        options.referenceDefinitions = [MarkdownReferenceDefinition(label: "AC-001", url: "/c/ac-001.html")]
        let expected = try Markdown.render(source, options: options).html
        #expect(occurrences(of: "<del>", in: expected) == 600)
        #expect(occurrences(of: "<a href=", in: expected) == 4 * 300 + 3)  // + [AC-001], footnote ref and backref
        let frozen = options
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<24 { group.addTask { try Markdown.render(source, options: frozen).html } }
            return try await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(results.count == 24)
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test func emptySourceRendersNothing() throws {
        let document = try render("")
        #expect(document.html.isEmpty && document.headings.isEmpty && document.links.isEmpty)
    }
}
