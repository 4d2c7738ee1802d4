import DossierTestSupport
import Foundation
import Testing

/// `requests import`, `check` and `requests export` end to end through the built binary.
@Suite struct RequestsCommandTests {
    static let csv =
        "Request #,Request,TSC,Control,Due Date,Assignee,Auditor Comments,Date Range\n"
        + "PBC-1,Changes for the period,CC8.1,CHG-001,2026-07-20,eng@acme.example,\"see, later\",\n"
        + "PBC-2,MFA report,CC6.1,AC-001,2026-07-01,it@acme.example,,2026-04-01..2026-06-30\n"
        + "PBC-3,Org chart,CC1.3,,2026-08-01,,,\n"

    @Test func importCheckAndExportAgree() throws {
        let repo = FieldworkFixture.make()
        let directory = TemporaryDirectory("dossier-requests")
        directory.write("pbc.csv", Self.csv)
        let imported = Dossier.run(["requests", "import", directory.path + "/pbc.csv"], in: repo.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("wrote 3 requests to "))
        #expect(FileManager.default.fileExists(atPath: repo.path + "/requests.yaml"))

        let check = Dossier.run(["check"], in: repo.path)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("Requests  1 answered · 1 open · 1 overdue"))
        #expect(
            check.stdout.contains(
                "  it@acme.example\n    PBC-2  overdue, due 2026-07-01; no usable evidence for AC-001"))
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(Dossier.run(["check", "--json"], in: repo.path).stdoutBytes))
                as? [String: Any])
        let requests = try #require(json["requests"] as? [[String: Any]])
        #expect(requests.map { $0["state"] as? String } == ["answered", "overdue", "open"])

        let out = directory.path + "/back.csv"
        let exported = Dossier.run(["requests", "export", "-o", out], in: repo.path)
        #expect(exported.status == 0, "\(exported.stderr)")
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        #expect(
            rows[0] == "Request #,Request,TSC,Control,Due Date,Assignee,Auditor Comments,Date Range,Status,Answered by")
        #expect(
            rows[1].hasPrefix(
                "PBC-1,Changes for the period,CC8.1,CHG-001,2026-07-20,eng@acme.example,\"see, later\",,answered,\"data/evidence/"
            ))

        // The team links PBC-3 to evidence; the auditor's updated list keeps that link.
        let yaml = try String(contentsOfFile: repo.path + "/requests.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(
            of:
                "  - id: PBC-3\n    description: Org chart\n    criteria: [\"CC1.3\"]\n    controls: []\n    evidence: []",
            with:
                "  - id: PBC-3\n    description: Org chart\n    criteria: [\"CC1.3\"]\n    controls: []\n    evidence: [\"evidence/mfa-*.json\"]"
        ).write(toFile: repo.path + "/requests.yaml", atomically: true, encoding: .utf8)
        let again = Dossier.run(["requests", "import", directory.path + "/pbc.csv"], in: repo.path)
        #expect(again.stdout.contains("(kept the links of 3)"), "\(again.stdout)")
        #expect(Dossier.run(["check"], in: repo.path).stdout.contains("Requests  2 answered · 1 overdue"))
    }

    @Test func aBadListWritesNothingAndExitsTwo() throws {
        let repo = FieldworkFixture.make()
        let directory = TemporaryDirectory("dossier-requests-bad")
        directory.write("pbc.csv", "ID,Control\nA,CHG-01\nA,AC-001\nB\n")
        let result = Dossier.run(["requests", "import", directory.path + "/pbc.csv"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("pbc.csv:2:3: error:") && result.stderr.contains("[requests.unknown-control]"))
        #expect(result.stderr.contains("[requests.duplicate-id]") && result.stderr.contains("[requests.csv-ragged]"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/requests.yaml"))
        #expect(Dossier.run(["requests", "import", directory.path + "/missing.csv"], in: repo.path).status == 2)
        #expect(Dossier.run(["requests", "export"], in: repo.path).status == 2)  // no requests.yaml yet

        repo.write("requests.yaml", "dossier: 1\nrequests:\n  - id: R1\n    controls: [NOPE]\n")
        let check = Dossier.run(["check"], in: repo.path)
        #expect(check.status == 2 && check.stdout.contains("[requests.unknown-control]"))
        #expect(Dossier.run(["requests", "export"], in: repo.path).status == 2)

        // Importing over a requests.yaml with errors would lose its links: refused, the file left alone.
        directory.write("good.csv", "ID,Control\nR1,AC-001\n")
        let over = Dossier.run(["requests", "import", directory.path + "/good.csv"], in: repo.path)
        #expect(over.status == 2 && over.stderr.contains("requests.yaml:4:16: error:"), "\(over.stderr)")
        #expect(
            try String(contentsOfFile: repo.path + "/requests.yaml", encoding: .utf8)
                == "dossier: 1\nrequests:\n  - id: R1\n    controls: [NOPE]\n")
    }

    @Test func theBundleCarriesRequestsCSVTheOscalExportAndTheFilesThatAnswer() throws {
        let repo = FieldworkFixture.make()
        repo.write("reports/board-minutes-2026-03.txt", "minutes\n")  // no control uses it; a request does
        repo.write(
            "requests.yaml",
            """
            dossier: 1
            requests:
              - {id: PBC-1, controls: [CHG-001]}
              - {id: PBC-2, evidence: ["reports/board-minutes-*.txt"]}

            """
        ).commit("requests", date: "2026-07-05")
        let out = TemporaryDirectory("dossier-requests-bundle")
        let bundle = Dossier.run(["bundle", "-o", out.path, "--quiet"], in: repo.path)
        #expect(bundle.status == 0, "\(bundle.stderr)")
        let zip = try #require(bundle.stdout.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        #expect(Dossier.run(["verify", zip], in: repo.path).status == 0)
        let listing = Command.run("/usr/bin/env", ["unzip", "-Z1", zip], in: out.path).stdout
        let names = Set(
            listing.split(separator: "\n").map { $0.split(separator: "/", maxSplits: 1).last.map(String.init) ?? "" })
        for name in [
            "data/requests.csv", "data/requests.yaml", "data/oscal/assessment-results.json",
            "data/reports/board-minutes-2026-03.txt", "data/site/requests.html",
        ] {
            #expect(names.contains(name), "\(name)")
        }
        let csv = Command.run("/usr/bin/env", ["unzip", "-p", zip, "*/data/requests.csv"], in: out.path).stdout
        #expect(csv.contains("PBC-2,,,,,,answered,data/reports/board-minutes-2026-03.txt"))
    }
}
