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

    /// The registers README describes: one risk exposed and one accepted, Okta's report expired and SendGrid's
    /// review overdue, the access control policy edited after its approval (all dated by the repository's
    /// history, so a squashed merge would lose them).
    @Test func theExampleRegistersShowWhatREADMESays() throws {
        let result = Dossier.run(["check", "--json"], in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let risks = try #require(doc["risks"] as? [String: Any])
        #expect(risks["review_state"] as? String == "fresh" && risks["last_reviewed"] as? String == "2026-09-22")
        let list = risks["risks"] as? [[String: Any]] ?? []
        #expect(list.filter { $0["exposed"] as? Bool == true }.compactMap { $0["id"] as? String } == ["R-001"])
        #expect(
            list.filter { ($0["acceptance"] as? [String: Any])?["state"] as? String == "current" }
                .compactMap { $0["id"] as? String } == ["R-004"])
        let vendors = (doc["vendors"] as? [String: Any])?["vendors"] as? [[String: Any]] ?? []
        #expect(vendors.map { $0["assurance"] as? String } == ["current", "expired", "current"])
        #expect(
            vendors.filter { $0["review_overdue"] as? Bool == true }.compactMap { $0["id"] as? String } == ["sendgrid"])
        let policies = (doc["policies"] as? [String: Any])?["policies"] as? [[String: Any]] ?? []
        #expect(
            policies.filter { $0["changed_since_approval"] as? Bool == true }.compactMap { $0["id"] as? String }
                == ["POL-002"])
        #expect(policies.first { $0["id"] as? String == "POL-002" }?["changed_on"] as? String == "2026-06-12")
        #expect(
            policies.filter { $0["review_overdue"] as? Bool == true }.compactMap { $0["id"] as? String } == ["POL-003"])
        let acknowledged = policies.first { $0["id"] as? String == "POL-001" }?["acknowledgement"] as? [String: Any]
        #expect(acknowledged?["state"] as? String == "fresh")
        let text = Dossier.run(["check"], in: Self.root).stdout
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        for line in text.split(separator: "\n")
        where line.hasPrefix("  Risks ") || line.hasPrefix("  Vendors ")
            || line.hasPrefix("  Policies ")
        {
            #expect(readme.contains(line), "README lacks `\(line)`")
        }
    }
}
