import DossierGit
import DossierMarkdown
import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

/// The narrative cache (`.git/dossier/narrative-cache`): a cached run reports exactly what a fresh one does,
/// an edit, a new control or a new bound is never answered from the cache, and a damaged file is ignored.
@Suite struct NarrativeScanCacheTests {
    static func controls(_ extra: String = "") -> String {
        """
        dossier: 1
        organization: Acme
        system: Platform
        period: {start: 2026-01-01, end: 2026-03-31}
        as_of: 2026-04-10
        controls:
          - id: AC-001
            title: MFA
            owner: it@example.com
            frequency: monthly
            criteria: [CC6.1]
            narrative: narratives/access.md
            status: implemented
            evidence:
              - path: evidence/mfa-*.csv
        \(extra)
        """
    }

    static let narrative = """
        # Access

        [AC-001] covers [CC6.1]; see [the export](../evidence/mfa-2026-01.csv) and [NEW-002].

        ## Gone

        A [broken link](../evidence/nothing.csv) and [a heading](#gone) and [none](#nowhere).

        """

    static func repo() -> GitFixture {
        let repo = GitFixture("dossier-narrative-cache")
        repo.write("controls.yaml", controls())
        repo.write("evidence/mfa-2026-01.csv", "user,mfa\nann,true\n")
        repo.write("narratives/access.md", narrative)
        repo.commit("January", date: "2026-01-31")
        return repo
    }

    /// What a run reported about narratives, and what each narrative's links resolved to.
    static func narrativeFindings(_ path: String) -> ([String], [String]) {
        let assessment = AssessmentPipeline(workspace: Workspace(path: path)).run()
        let diagnostics = assessment.diagnostics.filter { $0.file?.hasPrefix("narratives/") == true }
            .map { "\($0.code.rawValue) \($0.line ?? 0):\($0.column ?? 0) \($0.message)" }
        let references = assessment.narratives.narratives.flatMap { narrative in
            narrative.references.map { "\(narrative.path) \($0.target) \($0.line):\($0.column)" }
        }
        return (diagnostics, references)
    }

    @Test func aCachedRunReportsWhatAFreshRunDoes() throws {
        let repo = Self.repo()
        let cacheFile = repo.path + "/.git/dossier/" + NarrativeScanCache.fileName
        let fresh = Self.narrativeFindings(repo.path)
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        #expect(fresh.0.contains { $0.contains("nothing.csv") })
        #expect(fresh.0.contains { $0.contains("NEW-002") })
        let cached = Self.narrativeFindings(repo.path)
        #expect(cached.0 == fresh.0)
        #expect(cached.1 == fresh.1)

        // Without the cache file, the same again.
        try FileManager.default.removeItem(atPath: cacheFile)
        #expect(Self.narrativeFindings(repo.path) == fresh)
    }

    @Test func anEditedNarrativeIsParsedAgain() {
        let repo = Self.repo()
        let before = Self.narrativeFindings(repo.path)
        // Uncommitted: the key is the blob id of the bytes read, not of HEAD's copy.
        repo.write("narratives/access.md", Self.narrative.replacingOccurrences(of: "nothing.csv", with: "absent.csv"))
        let after = Self.narrativeFindings(repo.path)
        #expect(after.0 != before.0)
        #expect(after.0.contains { $0.contains("absent.csv") })
        #expect(!after.0.contains { $0.contains("nothing.csv") })
        // A line moved down: positions come from the new parse.
        repo.write("narratives/access.md", "\n" + Self.narrative)
        let moved = Self.narrativeFindings(repo.path)
        #expect(moved.1 != before.1)
    }

    @Test func aNewControlChangesWhatBracketsMean() {
        let repo = Self.repo()
        let before = Self.narrativeFindings(repo.path)
        #expect(before.0.contains { $0.contains("NEW-002") })
        repo.write(
            "controls.yaml",
            Self.controls(
                """
                  - id: NEW-002
                    title: New
                    owner: it@example.com
                    frequency: monthly
                    criteria: [CC6.2]
                    status: planned
                """))
        let after = Self.narrativeFindings(repo.path)
        #expect(!after.0.contains { $0.contains("NEW-002") })
        #expect(after.1.contains { $0.contains("control(\"NEW-002\")") })
    }

    @Test func anEvidenceFileCommittedLaterResolvesWithoutAnEdit() {
        let repo = Self.repo()
        #expect(Self.narrativeFindings(repo.path).0.contains { $0.contains("nothing.csv") })
        repo.write("evidence/nothing.csv", "x\n")
        repo.commit("more", date: "2026-02-01")
        #expect(!Self.narrativeFindings(repo.path).0.contains { $0.contains("nothing.csv") })
    }

    @Test func aDamagedCacheIsIgnoredAndRewritten() throws {
        let repo = Self.repo()
        let gitDirectory = repo.path + "/.git"
        let cacheFile = gitDirectory + "/dossier/" + NarrativeScanCache.fileName
        let fresh = Self.narrativeFindings(repo.path)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: cacheFile)))
        let header = NarrativeScanCache.header.utf8.count
        #expect(RecordFile.parse(bytes, header: NarrativeScanCache.header) != nil)
        // One payload byte changed: the checksum no longer matches and the whole file is dropped.
        bytes[header + RecordFile.keyBytes + 4 + 2] ^= 0x01
        #expect(RecordFile.parse(bytes, header: NarrativeScanCache.header) == nil)
        try Data(bytes).write(to: URL(fileURLWithPath: cacheFile))
        #expect(Self.narrativeFindings(repo.path) == fresh)
        let rewritten = Array(try Data(contentsOf: URL(fileURLWithPath: cacheFile)))
        #expect(RecordFile.parse(rewritten, header: NarrativeScanCache.header) != nil)
        // Truncated, or another format's header: dropped too.
        #expect(RecordFile.parse(Array(rewritten.dropLast()), header: NarrativeScanCache.header) == nil)
        #expect(RecordFile.parse(rewritten, header: "dossier narrative-cache 0\n") == nil)
    }

    @Test func payloadsRoundTripAndRefuseLeftovers() throws {
        var options = MarkdownOptions()
        options.rendersHTML = false
        options.firstLine = 3
        let document = try Markdown.render(
            "# Über\n\n[a](x.md#b \"t\") ![i](e/p.png) [AC-9]\n\n## Über\n", options: options)
        #expect(document.html.isEmpty)
        let payload = NarrativeScanCache.encode(document)
        let decoded = try #require(NarrativeScanCache.decode(payload))
        #expect(decoded.headings == document.headings)
        #expect(decoded.links == document.links)
        #expect(decoded.literalBrackets == document.literalBrackets)
        #expect(NarrativeScanCache.decode(payload + [0]) == nil)
        #expect(NarrativeScanCache.decode(Array(payload.dropLast())) == nil)
    }

    @Test func withoutHTMLTheHeadingsLinksAndBracketsAreTheSame() throws {
        let sources = [
            "# A\n\n# A\n\n[x](#a-1) [CC6.1] [AC-9]\n",
            // Footnotes: cmark's own ids are reserved, so headings named like them get other ids.
            "# fn-1\n\nText[^1].\n\n[^1]: A note.\n\n## fnref-1\n",
        ]
        for source in sources {
            var options = MarkdownOptions()
            options.referenceDefinitions = [
                MarkdownReferenceDefinition(label: "CC6.1", url: "dossier-ref:criterion/CC6.1")
            ]
            let full = try Markdown.render(source, options: options)
            options.rendersHTML = false
            let lean = try Markdown.render(source, options: options)
            #expect(lean.headings == full.headings)
            #expect(lean.links == full.links)
            #expect(lean.literalBrackets == full.literalBrackets)
            #expect(lean.html.isEmpty && !full.html.isEmpty)
        }
    }
}
