import DossierCore
import DossierTestSupport
import Foundation
import Testing

/// `check` warns about what an auditor notices in an unfinished narrative, once per cause and file.
@Suite("Narrative placeholders")
struct NarrativePlaceholderTests {
    @Test("TODO placeholders, an example.com owner and empty front matter: one warning each, with position and hint")
    func placeholders() throws {
        let repo = narrativeWorkspace(
            """
            ---
            title: Access
            owner: "security@example.com"
            last_reviewed: null
            approved_by:
            version: "1.0"
            ---
            # Access

            TODO(owner): name the identity provider.

            ```
            TODO in a code sample is not a placeholder
            ```

            Reviewed by TODOS and MASTODON users. TODO: the rest.
            - TODO(owner): list systems.
            """)
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let found = assessment.diagnostics.filter { $0.file == "narratives/access.md" }
        #expect(found.count == 3 && found.allSatisfy { $0.severity == .warning && $0.hint != nil }, "\(found)")
        let owner = try #require(found.first { $0.message.contains("owner") })
        #expect(owner.line == 3 && owner.column == 8)
        #expect(owner.message == "owner `\"security@example.com\"` is a placeholder address at example.com")
        let empty = try #require(found.first { $0.message.contains("empty") })
        #expect(empty.line == 4 && empty.column == 1)
        #expect(empty.message == "empty front matter fields `last_reviewed`, `approved_by`")
        let todo = try #require(found.first { $0.message.contains("TODO") })
        #expect(todo.line == 10 && todo.column == 1)
        #expect(todo.message == "3 `TODO` placeholders left in the narrative (the first is here)")
    }

    @Test("a finished narrative gets none of these warnings")
    func finished() {
        let repo = narrativeWorkspace(
            """
            ---
            title: Access
            owner: security@acme.io
            last_reviewed: 2026-02-01
            ---
            # Access

            Okta is the identity provider (see example.com for nothing).
            """)
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        #expect(!assessment.diagnostics.contains { $0.file == "narratives/access.md" }, "\(assessment.diagnostics)")
    }

    @Test("control owners at example domains: one warning for the control map, at the first such control")
    func placeholderOwners() throws {
        let repo = SiteWorkspaceFixture.make()
        let assessment = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let found = assessment.diagnostics.filter { $0.file == "controls.yaml" }
        #expect(found.count == 1, "\(found)")
        let warning = try #require(found.first)
        #expect(warning.severity == .warning && warning.line == 11 && warning.column == 5)
        #expect(
            warning.message
                == "3 controls are owned by placeholder addresses at example domains (the first is AC-001, `it@example.com`)"
        )
    }
}
