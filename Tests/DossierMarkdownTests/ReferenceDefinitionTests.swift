import DossierMarkdown
import Testing

@Suite struct ReferenceDefinitionTests {
    @Test func shortcutReferencesBecomeLinks() throws {
        let document = try render(
            "See [AC-001] and [CC6.1].\n",
            definitions(["AC-001": "controls/ac-001.html", "CC6.1": "criteria/cc6-1.html"]))
        #expect(
            document.html
                == "<p>See <a href=\"controls/ac-001.html\">AC-001</a> and <a href=\"criteria/cc6-1.html\">CC6.1</a>.</p>\n"
        )
        #expect(document.links.map(\.destination) == ["controls/ac-001.html", "criteria/cc6-1.html"])
        #expect(document.literalBrackets.isEmpty)
    }

    @Test func codeStaysCode() throws {
        let document = try render("Use `[AC-001]` literally.\n\n    [AC-001]\n", definitions(["AC-001": "/c"]))
        #expect(document.html == "<p>Use <code>[AC-001]</code> literally.</p>\n<pre><code>[AC-001]\n</code></pre>\n")
        #expect(document.links.isEmpty)
    }

    @Test func urlsArriveVerbatim() throws {
        let url = "/a b/(x)\\y?q=1&amp;r=<2>"
        let document = try render("[k]\n", definitions(["k": url]))
        #expect(document.links.map(\.destination) == ["/a%20b/(x)\\y?q=1&amp;r=%3C2%3E"])
        #expect(document.html.contains("href=\"/a%20b/(x)%5Cy?q=1&amp;amp;r=%3C2%3E\""))
    }

    @Test func definitionsInTheNarrativeWinAndLinesDoNotMove() throws {
        let document = try render("[AC-001]\n\n# End\n\n[AC-001]: /mine\n", definitions(["AC-001": "/theirs"]))
        #expect(document.links.map(\.destination) == ["/mine"])
        #expect(document.headings.map(\.line) == [3])
    }

    @Test(arguments: ["```swift\nlet x = 1\n", "~~~~\ncode\n~~~", "<!-- open comment\n", "<script>\nx\n"])
    func definitionsNeverLeakIntoAnOpenBlockAtTheEnd(source: String) throws {
        let document = try render("See [AC-001].\n\n" + source, definitions(["AC-001": "/c/ac-001"]))
        #expect(document.html.hasPrefix("<p>See <a href=\"/c/ac-001\">AC-001</a>.</p>\n"))
        #expect(!document.html.contains("/c/ac-001\n"))
        #expect(!document.html.contains("dossiermarkdown"))
        #expect(!document.html.contains("]]&gt;"))
        let alone = try render("See x.\n\n" + source).html
        #expect(
            document.html.dropFirst(document.html.firstIndex(of: "\n")!.utf16Offset(in: document.html))
                == alone.dropFirst(alone.firstIndex(of: "\n")!.utf16Offset(in: alone)))
    }

    @Test func definitionsFollowingFootnotesStillResolve() throws {
        let document = try render("See [AC-001].[^1]\n\n[^1]: A note.", definitions(["AC-001": "/c"]))
        #expect(document.html.hasPrefix("<p>See <a href=\"/c\">AC-001</a>.<sup class=\"footnote-ref\">"))
        #expect(document.html.contains("<p>A note. <a href=\"#fnref-1\""))
        #expect(!document.html.contains("dossiermarkdown"))
    }

    @Test(arguments: ["", "  ", "^1", "a]b", "a[b", "a\\", "two\nlines"])
    func unwritableLabelsAreRefused(label: String) throws {
        #expect {
            try render("x\n") { $0.referenceDefinitions = [MarkdownReferenceDefinition(label: label, url: "/u")] }
        } throws: { error in
            guard case MarkdownError.invalidReferenceDefinition(let refused, _) = error else { return false }
            return refused == label
        }
    }

    @Test func emptyURLsAreRefused() throws {
        #expect(throws: MarkdownError.self) { try render("x\n", definitions(["a": ""])) }
    }
}
