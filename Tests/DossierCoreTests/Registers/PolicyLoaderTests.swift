import DossierGit
import Testing

@testable import DossierCore

@Suite struct PolicyLoaderTests {
    func parse(_ text: String, path: String = "policies/security.md") -> (Policy?, [Diagnostic]) {
        let log = DiagnosticLog()
        let loader = PolicyLoader(workspace: Workspace(path: "/nonexistent"), controlIDs: ["AC-001"])
        let policy = loader.parse(path, bytes: Array(text.utf8), log)
        return (policy, log.diagnostics)
    }

    static let valid = """
        ---
        id: POL-001
        title: Information Security Policy
        owner: security@acme.test
        version: "3.1"
        approved_by: ceo@acme.test
        approved: 2026-02-01
        review: annual
        criteria: [CC5.3, CC2.2]
        acknowledgement:
          path: evidence/people/acks-*.csv
          tests:
            - covers: {column: email, from: evidence/people/roster-*.csv}
        ---
        # Information Security Policy

        We run [AC-001].

        """

    @Test func readsFrontMatterAndBody() throws {
        let (parsed, diagnostics) = parse(Self.valid)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let policy = try #require(parsed)
        #expect(policy.id == "POL-001" && policy.version == "3.1" && policy.approvedBy == "ceo@acme.test")
        #expect(policy.approved == CalendarDay(iso: "2026-02-01") && policy.review == .annual && !policy.isDraft)
        #expect(policy.criteria == ["CC5.3", "CC2.2"])
        #expect(policy.acknowledgement?.path == "evidence/people/acks-*.csv")
        #expect(policy.acknowledgement?.tests.count == 1)
        #expect(policy.document.body.hasPrefix("# Information Security Policy"))
        #expect(policy.document.bodyFirstLine == 15 && policy.document.title == "Information Security Policy")
        #expect(policy.mark == SourceMark(line: 2, column: 5))
    }

    @Test func aDraftNamesNoApproval() throws {
        let (draft, diagnostics) = parse(
            "---\nid: POL-2\ntitle: Draft\nowner: a@acme.test\nversion: \"0.1\"\nreview: annual\n---\nText\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try #require(draft).isDraft)
        // Half an approval is a mistake, not a draft.
        let (half, errors) = parse(
            "---\nid: POL-2\ntitle: Draft\nowner: a@acme.test\nversion: \"0.1\"\nreview: annual\napproved: 2026-01-01\n---\n"
        )
        #expect(half == nil)
        #expect(errors.map(\.code) == [.schemaMissingKey])
    }

    /// Lines are the file's: front matter starts on line 2.
    @Test func reportsEveryMistakeAtItsFileLine() {
        let text = """
            ---
            id: POL 1
            title: Broken
            version: 1.0
            approved_by: ceo@acme.test
            approved: 2026-13-01
            review: yearly
            criteria: [CC5.3, CC9.9]
            acknowledgement: {path: /etc/passwd, tests: [{nope: 1}]}
            owners: a@acme.test
            ---
            Text

            """
        let (policy, diagnostics) = parse(text)
        #expect(policy == nil)
        func at(_ code: DiagnosticCode) -> [String] {
            diagnostics.filter { $0.code == code }.map { "\($0.line ?? 0):\($0.column ?? 0)" }
        }
        #expect(at(.registerInvalidID) == ["2:5"])
        #expect(at(.schemaMissingKey) == ["2:1"])  // no owner
        #expect(at(.schemaNotADate) == ["6:11"])
        #expect(at(.schemaNotAllowed) == ["7:9"])
        #expect(at(.registerUnknownCriterion) == ["8:19"])
        #expect(at(.registerInvalidPath) == ["9:25"])
        #expect(at(.evidenceTestUnknownKind).count == 1)
        #expect(at(.schemaUnknownKey) == ["10:1"])
        #expect(diagnostics.allSatisfy { $0.file == "policies/security.md" })
    }

    @Test func aFileWithoutFrontMatterIsNotAPolicy() {
        let (policy, diagnostics) = parse("# Just prose\n")
        #expect(policy == nil)
        #expect(diagnostics.map(\.code) == [.policyNoFrontMatter])
        let (empty, emptyDiagnostics) = parse("---\n---\nText\n")
        #expect(empty == nil && emptyDiagnostics.map(\.code) == [.policyNoFrontMatter])
    }
}
