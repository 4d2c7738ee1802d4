import DossierTestSupport
import Foundation
import Testing

/// Evidence dated as people expect: by the day its name describes, when the commit agrees.
@Suite struct EvidenceDateTests {
    static let controls = """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform
        period: {start: 2026-01-01, end: 2026-09-30}
        as_of: 2026-10-15
        controls:
          - id: AC-002
            title: Access reviews
            owner: sec@acme.example
            frequency: quarterly
            criteria: [CC6.3]
            status: implemented
            evidence: [evidence/access/access-review-*.csv]

        """

    /// Quarter-end reviews committed a few days into the next quarter.
    static func workspace() -> GitFixture {
        let repo = GitFixture()
        repo.write("controls.yaml", controls)
        for (name, committed) in [
            ("2026-03-31", "2026-04-02"), ("2026-06-30", "2026-07-03"), ("2026-09-30", "2026-10-02"),
        ] {
            repo.write("evidence/access/access-review-\(name).csv", "user,kept\nann,yes\n").commit(
                "review \(name)", date: committed)
        }
        return repo
    }

    @Test func aQuarterEndReviewCommittedLaterLandsInItsQuarter() throws {
        let repo = Self.workspace()
        let result = Dossier.run(["check", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let control = try #require((doc["controls"] as? [[String: Any]])?.first)
        let evidence = try #require((control["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["missing_windows"] as? [String] == [], "\(evidence)")
        #expect(control["state"] as? String == "ready")
        let files = try #require(doc["evidence_files"] as? [[String: Any]])
        #expect(files.map { $0["date"] as? String } == ["2026-03-31", "2026-06-30", "2026-09-30"])
        #expect(files.allSatisfy { $0["date_source"] as? String == "file-name" })
    }

    @Test func provenanceSaysWhichSourceDatedEachFile() throws {
        let repo = Self.workspace()
        repo.write("evidence/collected.yaml", "evidence/access/access-review-2026-06-30.csv: 2026-06-29\n")
        repo.write("evidence/access/access-review-2026-12-31.csv", "late\n").commit("typo", date: "2026-10-05")
        let check = Dossier.run(["check"], in: repo.path)
        #expect(
            check.stdout.contains(
                "evidence/access/access-review-2026-12-31.csv: warning: the date in the file name (2026-12-31) is "
                    + "after its commit (2026-10-05); it is dated by its commit"), "\(check.stdout)")

        let site = TemporaryDirectory("dossier-dated-site")
        #expect(Dossier.run(["build", "-o", site.path + "/site"], in: repo.path).status == 0)
        let inventory = try #require(site.read("site/evidence.html"))
        #expect(inventory.contains("2026-06-29</time> <span class=\"muted\">(declared)</span>"))
        #expect(inventory.contains("2026-03-31</time> <span class=\"muted\">(file name)</span>"))
        #expect(inventory.contains("2026-10-05</time> <span class=\"muted\">(commit)</span>"))

        let bundled = bundleCLI(repo: repo, extra: ["--quiet"])
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let csv = tool("unzip", ["-p", bundled.path, "*/data/provenance.csv"], package: "unzip").stdout
        #expect(csv.contains("path,size,sha256,commit,author,date,dated_by,dirty"), "\(csv)")
        #expect(csv.contains(",2026-06-29,declared,no"))
        #expect(csv.contains(",2026-03-31,file-name,no"))
        #expect(csv.contains(",2026-10-05,commit,no"))
    }

    @Test func olderFilesOfARecurringExportAreSupersededNotStale() throws {
        let repo = CheckCommandTests.workspace()
        let site = TemporaryDirectory("dossier-superseded-site")
        #expect(Dossier.run(["build", "-o", site.path + "/site"], in: repo.path).status == 0)
        let page = try #require(site.read("site/controls/AC-001.html"))
        #expect(page.contains("<span class=\"badge tone-muted\" data-state=\"superseded\">superseded</span>"))
        #expect(!page.contains("data-state=\"stale\""))
    }
}
