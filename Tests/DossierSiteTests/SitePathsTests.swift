import Testing

@testable import DossierSite

/// Page names that depend on a narrative's own path only.
@Suite struct SitePathsTests {
    @Test("narrative pages mirror their folders; one outside narratives/ goes under _workspace/")
    func narrativePages() {
        let paths = SitePaths(
            controlIDs: [],
            narrativePaths: [
                "docs/policy.md", "narratives/Policies/Ünïcode name.md", "narratives/a/b/c/deep.md",
                "narratives/index.md", "narratives/policies-access.md", "narratives/policies/access.md",
                "narratives/policies/index.md",
            ],
            evidence: [])
        #expect(paths.narratives["narratives/policies/access.md"] == "narratives/policies/access.html")
        #expect(paths.narratives["narratives/policies-access.md"] == "narratives/policies-access.html")
        #expect(paths.narratives["narratives/a/b/c/deep.md"] == "narratives/a/b/c/deep.html")
        #expect(paths.narratives["narratives/policies/index.md"] == "narratives/policies/index.html")
        #expect(paths.narratives["narratives/Policies/Ünïcode name.md"] == "narratives/Policies/-n-code-name.html")
        #expect(paths.narratives["docs/policy.md"] == "narratives/_workspace/docs/policy.html")
        // Only the narratives index's own name is taken.
        #expect(paths.narratives["narratives/index.md"] == "narratives/index-2.html")
        #expect(SitePaths.root(of: "narratives/a/b/c/deep.html") == "../../../../")
    }
}
