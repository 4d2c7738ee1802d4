import DossierTestSupport
import Foundation
import Testing

/// The example workspace's evidence tests: README promises a failing Type II window for June's MFA export.
@Suite struct ExampleEvidenceTestsTests {
    @Test func juneMFAExportIsAFailingWindowAndEveryOtherTestPasses() throws {
        let result = Dossier.run(["check", "--json"], in: ExampleWorkspaceTests.root)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let controls = try #require(doc["controls"] as? [[String: Any]])
        var tested = 0
        for control in controls {
            for evidence in control["evidence"] as? [[String: Any]] ?? [] {
                let tests = evidence["tests"] as? [[String: Any]] ?? []
                if !tests.isEmpty { tested += 1 }
                let failing = tests.filter { $0["passed"] as? Bool == false }.map { $0["test"] as? String ?? "" }
                if evidence["path"] as? String == "evidence/access/AC-001/okta-mfa-*.csv" {
                    #expect(evidence["failing_windows"] as? [String] == ["2026-06"])
                    #expect(failing == ["every: {column: mfa_enrolled, equals: \"true\"}"])
                    let failure = try #require(
                        (tests.first { $0["passed"] as? Bool == false }?["failures"] as? [[String: Any]])?.first)
                    #expect(failure["file"] as? String == "evidence/access/AC-001/okta-mfa-2026-06.csv")
                    #expect(failure["line"] as? Int == 5)
                } else {
                    #expect(failing.isEmpty, "\(evidence["path"] ?? "") \(failing)")
                    #expect((evidence["failing_windows"] as? [String] ?? []).isEmpty)
                }
            }
        }
        #expect(tested == 5, "the example uses tests on its CSV and JSON evidence")
    }
}
