import DossierTestSupport
import Foundation
import Testing

/// The repository is the example workspace README describes; this keeps README's claims true.
@Suite struct ExampleWorkspaceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func theExampleShowsEveryStateREADMEPromises() throws {
        let result = Dossier.run(["check", "--json"], in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let git = try #require(doc["git"] as? [String: Any])
        #expect(git["shallow"] as? Bool == false, "the example needs the repository's full history for evidence dates")
        let states = Dictionary(
            uniqueKeysWithValues: (doc["controls"] as? [[String: Any]] ?? []).map {
                ($0["id"] as? String ?? "", $0["state"] as? String ?? "")
            })
        #expect(
            states == [
                "AC-001": "missing-evidence", "AC-002": "ready", "CHG-001": "ready", "OPS-001": "stale",
                "IR-001": "missing-evidence", "CONF-001": "ready", "HR-001": "ready", "GOV-001": "planned",
                "PHY-001": "not-applicable",
            ])
        let readiness = try #require(doc["readiness"] as? [String: Any])
        #expect(readiness["percent"] as? Double == 18.9)
        let criteria = doc["criteria"] as? [[String: Any]] ?? []
        #expect(criteria.first { $0["id"] as? String == "CC6.4" }?["state"] as? String == "excluded")
        let errors = (doc["diagnostics"] as? [[String: Any]] ?? []).filter { $0["severity"] as? String == "error" }
        #expect(errors.isEmpty, "\(errors)")
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        #expect(readme.contains("Readiness  18.9%  (7 of 37 applicable criteria covered)"))
    }
}
