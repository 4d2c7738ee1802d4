import DossierCore
import DossierTestSupport
import Testing

@testable import DossierSite

/// A reference to a control that is gone stays readable text, marked, and does not stop the site.
@Suite("unknown references in prose")
struct UnknownReferenceMarksTests {
    @Test("an unknown id in text is marked; the same id in code, in a link title or an unknown shape is not")
    func marked() throws {
        let repo = narrativeWorkspace(
            """
            # Access

            We retired [PHY-002] and still run [AC-001].
            In code, `[PHY-002]` is an example; [a link](https://example.org "see [PHY-002]") too.

                [PHY-002] in an indented block
            """)
        let (assessment, output, diagnostics) = try renderSite(repo.path)
        #expect(assessment.isValid && !diagnostics.hasErrors)
        #expect(diagnostics.contains { $0.code == .narrativeUnknownControl && $0.severity == .warning })
        let page = output.text("narratives/access.html")
        let marked =
            #"<span class="unknown-ref" title="PHY-002 is not in controls.yaml or the SOC 2 catalog">[PHY-002]<span class="visually-hidden"> (unknown reference)</span></span>"#
        #expect(page.components(separatedBy: "class=\"unknown-ref\"").count == 2, "marked exactly once")
        #expect(page.contains("We retired " + marked + " and still run"))
        #expect(page.contains("<code>[PHY-002]</code>"))
        #expect(page.contains("title=\"see [PHY-002]\""))
        #expect(page.contains("<pre><code>[PHY-002] in an indented block"))
    }

    @Test("marking leaves HTML without unknown ids byte for byte alone")
    func untouched() {
        let html = "<p>[AC-001] <a href=\"x\">[y]</a> &amp; é</p>\n"
        #expect(UnknownReferenceMarks.marked(html, unknown: []) == html)
        #expect(UnknownReferenceMarks.marked(html, unknown: ["ZZ-1"]) == html)
    }
}
