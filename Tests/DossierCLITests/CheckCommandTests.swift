import DossierTestSupport
import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let controls = """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform
        scope: [security, availability]
        period: {start: 2026-01-01, end: 2026-06-30}
        as_of: 2026-07-15
        exclusions:
          - criterion: CC6.4
            reason: Carved out to the cloud provider.
        controls:
          - id: AC-001
            title: MFA is enforced
            owner: it@acme.example
            frequency: monthly
            criteria: [CC6.1, CC6.2]
            status: implemented
            evidence:
              - path: evidence/access/mfa-*.csv
                description: Okta MFA export
          - id: AC-002
            title: Access reviews
            owner: sec@acme.example
            frequency: quarterly
            criteria: [CC6.3]
            status: implemented
            evidence: [evidence/access/review-*.csv]
          - id: OPS-001
            title: Backups
            owner: ops@acme.example
            frequency: daily
            criteria: [A1.2]
            status: implemented
            evidence: [evidence/ops/backup-*.log]
          - id: GOV-001
            title: Code of conduct
            owner: people@acme.example
            frequency: annual
            criteria: [CC1.1]
            status: planned
          - id: PHY-001
            title: Badges
            owner: facilities@acme.example
            frequency: annual
            criteria: [CC6.4]
            status: not-applicable
            justification: No offices.

        """

    /// A workspace with a ready, a stale, a missing, a planned and a not-applicable control.
    static func workspace() -> GitFixture {
        let repo = GitFixture()
        repo.write("controls.yaml", controls)
        for (month, day) in [
            ("01", "2026-01-20"), ("02", "2026-02-20"), ("03", "2026-03-20"), ("04", "2026-04-20"),
            ("05", "2026-05-20"), ("06", "2026-06-20"), ("07", "2026-07-10"),
        ] {
            repo.write("evidence/access/mfa-\(month).csv", "user,mfa\nann,yes\n").commit(
                "MFA export \(month)", date: day)
            // In date order: a commit dated before its parent is back-dated (evidence.backdated-commit).
            if month == "03" {
                repo.write("evidence/access/review-q1.csv", "reviewed\n").commit("Q1 review", date: "2026-03-30")
            }
        }
        return repo
    }

    func json(_ result: Command.Result) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
    }

    @Test func jsonCarriesTheDocumentedFields() throws {
        let repo = Self.workspace()
        let result = Dossier.run(["check", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try json(result)
        #expect(doc["as_of"] as? String == "2026-07-15")
        let readiness = try #require(doc["readiness"] as? [String: Any])
        #expect(readiness["covered"] as? Int == 2)  // CC6.1 and CC6.2 via AC-001
        #expect(readiness["applicable"] as? Int == 35)
        #expect(readiness["percent"] as? Double == 5.7)
        let categories = try #require(doc["categories"] as? [[String: Any]])
        #expect(
            categories.map { $0["id"] as? String } == [
                "security", "availability", "processing-integrity", "confidentiality", "privacy",
            ])
        #expect(categories[2]["in_scope"] as? Bool == false)
        #expect(categories[2]["percent"] is NSNull)
        let criteria = try #require(doc["criteria"] as? [[String: Any]])
        #expect(criteria.count == 61)
        let cc64 = try #require(criteria.first { $0["id"] as? String == "CC6.4" })
        #expect(cc64["state"] as? String == "excluded")
        #expect(cc64["controls"] as? [String] == ["PHY-001"])
        let controls = try #require(doc["controls"] as? [[String: Any]])
        #expect(
            controls.map { $0["state"] as? String } == [
                "ready", "missing-evidence", "missing-evidence", "planned", "not-applicable",
            ])
        #expect(controls.map { $0["ready"] as? Bool } == [true, false, false, false, false])
        let review = try #require((controls[1]["evidence"] as? [[String: Any]])?.first)
        #expect(review["path"] as? String == "evidence/access/review-*.csv")
        #expect(review["state"] as? String == "stale")  // 107 days after 2026-03-30 > 92
        #expect(review["newest"] as? String == "2026-03-30")
        #expect(review["missing_windows"] as? [String] == ["2026-Q2"])
        #expect(review["files"] as? [String] == ["evidence/access/review-q1.csv"])
        let backup = try #require((controls[2]["evidence"] as? [[String: Any]])?.first)
        #expect(backup["state"] as? String == "missing")
        #expect(backup["newest"] is NSNull)
        let diagnostics = try #require(doc["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.isEmpty)
    }

    @Test func exitCodesSayValidNotReadyAndInvalid() throws {
        let repo = Self.workspace()
        #expect(Dossier.run(["check"], in: repo.path).status == 0)
        #expect(Dossier.run(["check", "--strict"], in: repo.path).status == 1)
        repo.write(
            "controls.yaml", Self.controls.replacingOccurrences(of: "criteria: [A1.2]", with: "criteria: [A1.9]"))
        let invalid = Dossier.run(["check"], in: repo.path)
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("controls.yaml:31:16: error: unknown criterion `A1.9`"))
        #expect(invalid.stderr.contains("      criteria: [A1.9]\n                 ^"))
        #expect(Dossier.run(["check", "--as-of", "tomorrow"], in: repo.path).status == 2)
        #expect(Dossier.run(["check", "--frobnicate"], in: repo.path).status == 2)
        #expect(Dossier.run(["check"], in: repo.path, environment: ["SOURCE_DATE_EPOCH": "yesterday"]).status == 2)
    }

    @Test func strictPassesWhenEverythingIsReady() throws {
        let repo = GitFixture()
        repo.write(
            "controls.yaml",
            """
            dossier: 1
            organization: Tiny
            system: One
            as_of: 2026-07-15
            exclusions:
            \((SOCCatalogIDs.security.filter { $0 != "CC6.1" }).map { "  - {criterion: \($0), reason: test}" }.joined(separator: "\n"))
            controls:
              - {id: A-1, title: T, owner: o, frequency: monthly, criteria: [CC6.1], status: implemented, evidence: [evidence/a.csv]}

            """
        ).write("evidence/a.csv", "1").commit(date: "2026-07-10")
        let result = Dossier.run(["check", "--strict"], in: repo.path)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("Readiness  100.0%"))

        // A leaked key in shipped evidence fails --strict, even when everything is ready, until acknowledged.
        repo.write("evidence/a.csv", "id,note\n1,AKIAIOSFODNN7EXAMPLE\n").commit(date: "2026-07-11")
        let leaked = Dossier.run(["check", "--strict"], in: repo.path)
        #expect(leaked.status == 1)
        #expect(leaked.stderr.contains("1 secret finding nobody acknowledged"), "\(leaked.stderr)")
        #expect(Dossier.run(["check"], in: repo.path).status == 0)
        repo.write(".dossier-secrets", "evidence/a.csv:2:aws-access-key  AWS's documented example key\n")
        #expect(Dossier.run(["check", "--strict"], in: repo.path).status == 0)
    }

    @Test func theTextReportGroupsWhatToDo() throws {
        let repo = Self.workspace()
        repo.write("evidence/access/mfa-08.csv", "untracked")
        let out = Dossier.run(["check", repo.path], in: "/").stdout
        #expect(out.contains("Acme Cloud, Inc. — Acme Platform"))
        #expect(out.contains("Readiness  5.7%  (2 of 35 applicable criteria covered)"))
        #expect(out.contains("Processing Integrity  out of scope"))
        #expect(out.contains("1 ready · 2 missing evidence · 1 planned · 1 not applicable"))
        #expect(
            out.contains(
                "Collect missing evidence (1)\n    OPS-001 (ops@acme.example): evidence/ops/backup-*.log — nothing matches"
            ))
        #expect(
            out.contains(
                "Fill Type II gaps (1)\n    AC-002 (sec@acme.example): evidence/access/review-*.csv — no evidence in 2026-Q2"
            ))
        #expect(out.contains("Map uncovered criteria"))
        #expect(out.contains("evidence/access/mfa-08.csv: warning: evidence file is not committed to git"))
        #expect(!out.contains("\u{1B}["))  // no colour when not a terminal
    }

    @Test func aMissingControlMapIsAClearError() throws {
        let dir = TemporaryDirectory()
        let result = Dossier.run(["check"], in: dir.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("no controls.yaml in"))
        #expect(result.stderr.contains("dossier init"))
    }

    @Test func helpAndVersionAgreeWithTheCode() throws {
        let version = Dossier.run(["--version"], in: "/")
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("dossier "))
        let help = Dossier.run(["help", "check"], in: "/")
        #expect(help.status == 0)
        for flag in ["--as-of", "--json", "--strict", "<workspace>"] { #expect(help.stdout.contains(flag)) }
        #expect(Dossier.run(["--help"], in: "/").stdout.contains("check"))
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let repo = Self.workspace()
        let a = Dossier.run(["check", "--json"], in: repo.path, environment: ["TZ": "America/New_York", "LANG": "C"])
        let b = Dossier.run(["check", "--json"], in: repo.path, environment: ["TZ": "Asia/Tokyo", "LANG": "C.UTF-8"])
        #expect(a.stdoutBytes == b.stdoutBytes)
    }
}

/// Criterion ids, so tests can build exclusion lists without restating the catalog.
enum SOCCatalogIDs {
    static let security: [String] = {
        var ids: [String] = []
        for (family, count) in [(1, 5), (2, 3), (3, 4), (4, 2), (5, 3), (6, 8), (7, 5), (8, 1), (9, 2)] {
            for n in 1...count { ids.append("CC\(family).\(n)") }
        }
        return ids
    }()
}
