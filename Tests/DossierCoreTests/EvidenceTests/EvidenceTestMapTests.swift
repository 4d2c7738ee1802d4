import DossierGit
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
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in true }).load(Array(yaml.utf8), into: log)
        return (map, log.diagnostics)
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

    /// A malformed test line, the code and a value its diagnostic names, its position and a word of its hint.
    static let malformed: [(String, DiagnosticCode, String, Int, Int, String)] = [
        ("          - evry: {column: a, equals: b}", .evidenceTestUnknownKind, "evry", 14, 13, "did you mean `every`?"),
        ("          - every: {column: a, equal: b}", .schemaUnknownKey, "equal", 14, 32, "did you mean `equals`?"),
        ("          - every: {column: a, matches: \"(a\"}", .evidenceTestBadRegex, "(a", 14, 41, "linear time"),
        (
            "          - every: {column: a, matches: \"(a)\\\\1\"}", .evidenceTestBadRegex, "back-references", 14, 41,
            "linear time"
        ),
        (
            "          - covers: {column: a, from: \"evidence/[ab\"}", .evidenceTestBadGlob, "evidence/[ab", 14, 39,
            "glob"
        ),
        ("          - covers: {column: a, from: /etc/passwd}", .evidenceTestBadGlob, "/etc/passwd", 14, 39, "glob"),
        (
            "          - json: {at: MinimumLength, min: 14}", .evidenceTestBadPointer, "MinimumLength", 14, 24,
            "start it with `/`"
        ),
        ("          - every: {column: a}", .schemaMissingKey, "equals", 14, 20, "give a condition"),
        ("          - share: {column: a, equals: b}", .schemaMissingKey, "min", 14, 20, "0.95"),
        ("          - rows: {min: many}", .schemaNotANumber, "min", 14, 25, "for example"),
        ("          - text: {contains: a, lacks: b}", .evidenceTestBadOptions, "text", 14, 19, "one `text:` test"),
    ]

    @Test(arguments: Self.malformed)
    func malformedTestsArePositionedDiagnostics(
        line: String, code: DiagnosticCode, naming: String, row: Int, column: Int, hint: String
    ) {
        let (map, diagnostics) = load(line)
        let found = diagnostics.first { $0.code == code && $0.message.contains(naming) }
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
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in true }).load(Array(yaml.utf8), into: log)
        let diagnostics = log.diagnostics
        #expect(diagnostics.isEmpty)
        #expect(map.controls[0].evidence[0].format == .csv)
    }
}
