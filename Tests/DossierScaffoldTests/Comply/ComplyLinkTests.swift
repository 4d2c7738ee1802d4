import DossierCore
import Testing

@testable import DossierScaffold

/// Relative links in imported Markdown follow their documents or become text.
@Suite struct ComplyLinkTests {
    /// Keeps `keep.md` (moved to `kept/keep.md`), drops everything else.
    func rewrite(_ text: String) -> (String, Int) {
        MarkdownLinks.rewrite(text) { $0 == "keep.md" ? "kept/keep.md" : nil }
    }

    @Test(arguments: [
        ("[a](keep.md)", "[a](kept/keep.md)", 0),
        ("[a](keep.md#part \"Title\")", "[a](kept/keep.md#part \"Title\")", 0),
        ("[a](<keep.md>)", "[a](kept/keep.md)", 0),
        ("See [gone](gone.md).", "See gone.", 1),
        ("![logo](img/logo.png) here", "logo here", 1),
        ("[![badge](b.png)](keep.md)", "[badge](kept/keep.md)", 1),
        (
            "[x](https://example.com) [m](mailto:a@b.c) [h](#top) [r](/evidence/a.csv)",
            "[x](https://example.com) [m](mailto:a@b.c) [h](#top) [r](/evidence/a.csv)", 0
        ),
        ("`[code](gone.md)` and [t](gone.md)", "`[code](gone.md)` and t", 1),
        ("[a [nested] text](gone.md)", "a [nested] text", 1),
        ("[ref]: gone.md \"T\"\n[other]: keep.md", "[other]: kept/keep.md", 1),
        ("```\n[a](gone.md)\n```", "```\n[a](gone.md)\n```", 0),
        ("[f(x)](gone(1).md)", "f(x)", 1),
        ("no links [here] (really)", "no links [here] (really)", 0),
    ])
    func rewritesLinks(input: String, expected: String, dropped: Int) {
        let (out, n) = rewrite(input)
        #expect(out == expected)
        #expect(n == dropped)
    }

    @Test func pathsResolveBetweenFolders() {
        #expect(ComplyImporter.relativePath(from: "narratives/policies/a.md", to: "narratives/policies/b.md") == "b.md")
        #expect(
            ComplyImporter.relativePath(from: "narratives/narratives/a.md", to: "narratives/procedures/p.md")
                == "../procedures/p.md")
        #expect(ComplyImporter.normalized("policies/./../procedures/p.md") == "procedures/p.md")
        #expect(ComplyImporter.normalized("policies/../../x.md") == nil)
        #expect(ComplyImporter.folder(of: "policies/a.md") == "policies/")
        #expect(!MarkdownLinks.isRelative("HTTPS://x") && MarkdownLinks.isRelative("a:b/c.md") == false)
        #expect(MarkdownLinks.isRelative("dir/a:b.md"))
    }
}
