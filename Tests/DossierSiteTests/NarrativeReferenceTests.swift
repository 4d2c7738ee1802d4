import DossierCore
import DossierMarkdown
import DossierSite
import DossierTestSupport
import Foundation
import Testing

@Suite("Narrative references")
struct NarrativeReferenceTests {
    @Test("an unknown control or criterion id in brackets is a warning at its line and column, in check too")
    func unknownIDs() throws {
        let repo = narrativeWorkspace(
            """
            # Access

            We run [AC-001] and [AC-009].
            Criterion [CC9.9] and [sic] and [1] and [v2] are fine prose or ids.
            `[AC-404]` in code is not a reference.
            """)
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let found = assessment.diagnostics.filter { $0.file == "narratives/access.md" && $0.severity == .warning }
        #expect(!assessment.diagnostics.hasErrors, "\(assessment.diagnostics)")
        #expect(found.count == 2, "\(found)")
        let control = try #require(found.first { $0.message.contains("AC-009") })
        #expect(control.line == 3 && control.column == 21 && control.code == .narrativeUnknownControl)
        #expect(control.hint == "did you mean [AC-001]?")
        let criterion = try #require(found.first { $0.message.contains("CC9.9") })
        #expect(criterion.line == 4 && criterion.code == .narrativeUnknownCriterion)
    }

    @Test("links to evidence that does not exist and to files outside the workspace are errors")
    func brokenLinks() throws {
        let repo = narrativeWorkspace(
            """
            ---
            title: Access
            ---
            See [old export](../evidence/access/sso-2025-12.csv), [up](../../etc/passwd), [gone](missing.md).
            See [config](../controls.yaml) and [anchor](#nowhere).
            """)
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let found = assessment.diagnostics.filter { $0.file == "narratives/access.md" }
        let errors = found.filter { $0.severity == .error }
        #expect(
            errors.contains {
                $0.line == 4 && $0.code == .narrativeMissingEvidence
                    && $0.message.contains("`evidence/access/sso-2025-12.csv`")
            })
        #expect(errors.contains { $0.line == 4 && $0.code == .narrativeBrokenLink && $0.message.contains("passwd") })
        #expect(
            errors.contains {
                $0.line == 4 && $0.code == .narrativeBrokenLink && $0.message.contains("`narratives/missing.md`")
            })
        let warnings = found.filter { $0.severity == .warning }
        #expect(
            warnings.contains {
                $0.line == 5 && $0.code == .narrativeUnpublishedLink && $0.message.contains("controls.yaml")
            })
        #expect(
            warnings.contains { $0.line == 5 && $0.code == .narrativeMissingAnchor && $0.message.contains("#nowhere") })
    }

    @Test("front matter is checked: unknown keys and bad dates point at the file's own lines")
    func frontMatter() throws {
        let repo = narrativeWorkspace(
            """
            ---
            title: Access
            last_reviewed: 2026-13-01
            reviewer: Bob
            ---
            # Access
            """)
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let found = assessment.diagnostics.filter { $0.file == "narratives/access.md" && $0.severity == .error }
        #expect(found.contains { $0.line == 3 && $0.code == .schemaNotADate && $0.message.contains("last_reviewed") })
        #expect(found.contains { $0.line == 4 && $0.code == .schemaUnknownKey && $0.message.contains("`reviewer`") })
    }

    @Test("id shapes: what bracketed text counts as a meant reference")
    func shapes() {
        #expect(NarrativeLinker.idShape("AC-001") == .control)
        #expect(NarrativeLinker.idShape("HR_12") == .control)
        #expect(NarrativeLinker.idShape("CC6.1") == .criterion)
        #expect(NarrativeLinker.idShape("PI1.5") == .criterion)
        for prose in ["sic", "1", "v2", "x", " ", "TODO", "AC-", "A-b", "see AC-1", "^1"] {
            #expect(NarrativeLinker.idShape(prose) == nil, "\(prose)")
        }
    }

    @Test("relative links resolve from the narrative's folder, as GitHub resolves them")
    func resolution() {
        let linker = NarrativeLinker(
            controlIDs: ["AC-001"], narrativePaths: ["narratives/a.md", "narratives/sub/b.md"],
            evidence: [Array("evidence/x y.csv".utf8)], fileExists: { $0 == "controls.yaml" })
        #expect(
            linker.target(of: "../evidence/x%20y.csv", isImage: false, from: "narratives/a.md")
                == .evidence(Array("evidence/x y.csv".utf8)))
        #expect(
            linker.target(of: "/evidence/x y.csv", isImage: false, from: "narratives/sub/b.md")
                == .evidence(Array("evidence/x y.csv".utf8)))
        #expect(
            linker.target(of: "sub/b.md#part", isImage: false, from: "narratives/a.md")
                == .narrative("narratives/sub/b.md", fragment: "part"))
        #expect(
            linker.target(of: "../a.md", isImage: false, from: "narratives/sub/b.md")
                == .narrative("narratives/a.md", fragment: nil))
        #expect(
            linker.target(of: "../evidence", isImage: false, from: "narratives/a.md") == .evidenceFolder("evidence"))
        #expect(linker.target(of: "https://example.com", isImage: false, from: "narratives/a.md") == .external)
        #expect(linker.target(of: "#intro", isImage: false, from: "narratives/a.md") == .anchor("intro"))
        #expect(
            linker.target(of: "../controls.yaml", isImage: false, from: "narratives/a.md")
                == .unpublished("controls.yaml"))
        #expect(
            linker.target(of: "../../x", isImage: false, from: "narratives/a.md")
                == .missing("../../x (it leaves the workspace)"))
        #expect(
            linker.target(of: "dossier-ref:control/AC-001", isImage: false, from: "narratives/a.md")
                == .control("AC-001"))
        let definitions = linker.definitions
        #expect(definitions.first?.label == "AC-001" && definitions.first?.url == "dossier-ref:control/AC-001")
        #expect(definitions.count == 1 + SOC2Catalog.criteria.count)
    }
}
