import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

/// Malformed tests in `controls.yaml` are diagnostics at their line and column, with a hint.
@Suite struct EvidenceTestMapTests {
    func load(_ tests: String) -> (ControlMap, [Diagnostic]) {
        let yaml = """
            dossier: 1
            organization: Acme
            system: Platform
            controls:
              - id: AC-001
                title: MFA
                owner: it@example.com
                frequency: monthly
                criteria: [CC6.1]
                status: implemented
                evidence:
                  - path: evidence/mfa-*.csv
                    tests:
            \(tests)
            """
        return ControlMapLoader(fileExists: { _ in true }).load(Array(yaml.utf8))
    }

    @Test func wellFormedTestsLoadWithTheirDefinitions() {
        let (map, diagnostics) = load(
            """
                      - columns: [user, email]
                      - every: {column: mfa_enrolled, equals: "true"}
                      - covers: {column: email, from: evidence/people/roster-*.csv, column_there: email}
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let tests = map.controls[0].evidence[0].tests
        #expect(
            tests.map(\.definition) == [
                "columns: [user, email]", "every: {column: mfa_enrolled, equals: \"true\"}",
                "covers: {column: email, from: evidence/people/roster-*.csv, column_there: email}",
            ])
        #expect(tests[1].mark == SourceMark(line: 15, column: 13))
    }

    @Test(arguments: [
        ("          - evry: {column: a, equals: b}", "unknown test kind `evry`", 14, 13, "did you mean `every`?"),
        ("          - every: {column: a, equal: b}", "unknown key `equal`", 14, 32, "did you mean `equals`?"),
        ("          - every: {column: a, matches: \"(a\"}", "does not compile", 14, 41, "linear time"),
        ("          - every: {column: a, matches: \"(a)\\\\1\"}", "back-references", 14, 41, "linear time"),
        ("          - covers: {column: a, from: \"evidence/[ab\"}", "`from` glob", 14, 39, "glob"),
        ("          - covers: {column: a, from: /etc/passwd}", "is absolute", 14, 39, "glob"),
        ("          - json: {at: MinimumLength, min: 14}", "JSON Pointer", 14, 24, "start it with `/`"),
        ("          - every: {column: a}", "has no `equals`", 14, 20, "give a condition"),
        ("          - share: {column: a, equals: b}", "needs `min:`", 14, 20, "0.95"),
        ("          - rows: {min: many}", "whole number", 14, 25, "for example"),
        ("          - text: {contains: a, lacks: b}", "exactly one", 14, 19, "one `text:` test"),
    ])
    func malformedTestsArePositionedDiagnostics(
        line: String, message: String, row: Int, column: Int, hint: String
    ) {
        let (map, diagnostics) = load(line)
        let found = diagnostics.first { $0.message.contains(message) }
        #expect(found != nil, "\(diagnostics)")
        #expect(found?.line == row && found?.column == column, "\(String(describing: found))")
        #expect(found?.hint?.contains(hint) == true, "\(String(describing: found?.hint))")
        #expect(map.controls.first?.evidence.first?.tests.isEmpty != false)
    }

    @Test func formatOverridesTheExtension() {
        let yaml = """
            dossier: 1
            organization: A
            system: B
            controls:
              - id: AC-001
                title: T
                owner: o
                frequency: monthly
                criteria: [CC6.1]
                status: implemented
                evidence:
                  - path: evidence/export.txt
                    format: csv
            """
        let (map, diagnostics) = ControlMapLoader(fileExists: { _ in true }).load(Array(yaml.utf8))
        #expect(diagnostics.isEmpty)
        #expect(map.controls[0].evidence[0].format == .csv)
    }
}
