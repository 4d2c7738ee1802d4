import DossierTestSupport
import Foundation
import Testing

/// `population` and `sample` end to end through the built binary, on the example workspace, a generated
/// workspace and bad input.
@Suite struct FieldworkCommandTests {
    static var repoRoot: String { FileManager.default.currentDirectoryPath }

    @Test func populationOfTheExampleListsTheMergedPullRequests() throws {
        let result = Dossier.run(
            ["population", "CHG-001", "--rows", "--requirement", "2", "--json"], in: Self.repoRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let items = try #require(doc["items"] as? [[String: Any]])
        #expect(doc["count"] as? Int == items.count)
        #expect(items.count == 6)
        #expect(items.allSatisfy { ($0["file"] as? String)?.hasPrefix("evidence/change/CHG-001/merged-prs-") == true })
        #expect(items.allSatisfy { ($0["cells"] as? [String: String])?["approver"] != nil })
        // The digest is over the documented lines; recompute it from the listing.
        let lines = items.map { "\($0["sha256"]!) \($0["date"]!) \($0["file"]!):\($0["line"]!)\n" }.joined()
        #expect(doc["digest"] as? String == sha256(lines))
    }

    @Test func theSampleNamesDigestSeedAndPicksAndIsReproducible() throws {
        let repo = FieldworkFixture.make()
        let first = Dossier.run(["sample", "CHG-001", "--seed", "42", "--size", "2", "--json"], in: repo.path)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout
                == Dossier.run(["sample", "CHG-001", "--seed", "42", "--size", "2", "--json"], in: repo.path).stdout)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(first.stdoutBytes)) as? [String: Any])
        let sample = try #require(doc["sample"] as? [String: Any])
        #expect(sample["seed"] as? String == "42" && sample["size"] as? Int == 2)
        #expect(sample["algorithm"] as? String == "dossier-sample-v1")
        let picks = try #require(sample["picks"] as? [[String: Any]])
        let digest = try #require(doc["digest"] as? String)
        for pick in picks {
            #expect(pick["key"] as? String == sha256("dossier-sample-v1:\(digest):42:\(pick["number"]!)"))
        }
        let text = Dossier.run(["sample", "CHG-001", "--seed", "42"], in: repo.path)
        #expect(text.stdout.contains("digest      sha256:\(digest)"))
        #expect(text.stdout.contains("size        4 (guidance by frequency, several times a day"))
        let csv = Dossier.run(["sample", "CHG-001", "--seed", "42", "--size", "2", "--csv"], in: repo.path)
        #expect(csv.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
    }

    @Test func mistakesExitTwoWithAHint() {
        let repo = FieldworkFixture.make()
        let unknown = Dossier.run(["population", "chg-001"], in: repo.path)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("CHG-001"))
        #expect(Dossier.run(["population", "CHG-001", "--requirement", "9"], in: repo.path).status == 2)
        #expect(Dossier.run(["population", "AC-001", "--rows"], in: repo.path).status == 2)
        #expect(Dossier.run(["sample", "CHG-001"], in: repo.path).status == 2)  // --seed is required
        #expect(Dossier.run(["sample", "CHG-001", "--seed", "1", "--size", "0"], in: repo.path).status == 2)
        #expect(Dossier.run(["population", "CHG-001", "--json", "--csv"], in: repo.path).status == 2)
        repo.write("controls.yaml", "dossier: 1\ncontrols: [\n").commit("broken", date: "2026-07-01")
        let broken = Dossier.run(["population", "CHG-001"], in: repo.path)
        #expect(broken.status == 2 && broken.stderr.contains("[yaml.syntax]"))
    }

    @Test func aGeneratedWorkspaceListsThousandsOfRowsInCanonicalOrder() throws {
        let directory = TemporaryDirectory("dossier-fieldwork-gen")
        let out = directory.path + "/ws"
        let gen = Command.run(
            "/usr/bin/env",
            ["python3", Self.repoRoot + "/scripts/gen-workspace.py", "--size", "small", "--seed", "7", "--out", out],
            in: directory.path)
        #expect(gen.status == 0, "\(gen.stderr)")
        let check = try #require(
            JSONSerialization.jsonObject(with: Data(Dossier.run(["check", "--json"], in: out).stdoutBytes))
                as? [String: Any])
        let controls = try #require(check["controls"] as? [[String: Any]])
        // The first control that has CSV evidence dated in the period.
        var listed = 0
        for control in controls.prefix(20) {
            let id = try #require(control["id"] as? String)
            let result = Dossier.run(["population", id, "--json"], in: out)
            #expect(result.status == 0, "\(id): \(result.stderr)")
            let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
            let items = try #require(doc["items"] as? [[String: Any]])
            let keys = items.map { "\($0["date"]!) \($0["file"]!)" }
            #expect(keys == keys.sorted())
            let period = try #require(doc["period"] as? [String: String])
            #expect(
                items.allSatisfy {
                    ($0["date"] as! String) >= period["start"]! && ($0["date"] as! String) <= period["end"]!
                })
            listed += items.count
        }
        #expect(listed > 0)
    }

    private func sha256(_ text: String) -> String { FieldworkFixture.sha256sum(text) }
}
