import DossierTestSupport
import Foundation
import Testing

/// `tests:` end to end through the built binary: exports over a Type II period, some failing.
@Suite struct EvidenceTestsCommandTests {
    static let controls = """
        dossier: 1
        organization: Acme
        system: Platform
        period: {start: 2026-01-01, end: 2026-03-31}
        as_of: 2026-04-10
        controls:
          - id: AC-001
            title: MFA
            owner: it@acme.example
            frequency: monthly
            criteria: [CC6.1]
            status: implemented
            evidence:
              - path: evidence/mfa-*.csv
                tests:
                  - columns: [user, mfa_enrolled]
                  - every: {column: mfa_enrolled, equals: "true"}
          - id: CONF-001
            title: Encryption
            owner: eng@acme.example
            frequency: quarterly
            criteria: [C1.1]
            status: implemented
            evidence:
              - path: evidence/kms.json
                tests:
                  - json: {at: /rotation_enabled, equals: true}

        """

    static func workspace(marchEnrolled: String) -> GitFixture {
        let repo = GitFixture("dossier-cli-evidence-tests")
        repo.write("controls.yaml", controls.replacingOccurrences(of: "C1.1", with: "CC6.2"))
        repo.write("evidence/kms.json", "{\"rotation_enabled\": true}\n")
        repo.write("evidence/mfa-2026-01.csv", "user,mfa_enrolled\nann,true\n")
        repo.commit("January", date: "2026-01-31")
        repo.write(
            "evidence/mfa-2026-02.csv",
            "user,mfa_enrolled\nann,true\n\"bo \"\"b\"\" <b>\",false\ncy,<img src=x onerror=alert(1)>\n")
        repo.commit("February", date: "2026-02-28")
        repo.write("evidence/mfa-2026-03.csv", "user,mfa_enrolled\nann,true\nbo,\(marchEnrolled)\n")
        repo.commit("March", date: "2026-03-31")
        return repo
    }

    @Test func checkReportsFailingWindowsAndTestsInJSONAndText() throws {
        let repo = Self.workspace(marchEnrolled: "true")
        let result = Dossier.run(["check", "--json"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let doc = try #require(JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        let controls = try #require(doc["controls"] as? [[String: Any]])
        #expect(controls[0]["state"] as? String == "failing-evidence")
        #expect(controls[1]["state"] as? String == "ready")
        let evidence = try #require((controls[0]["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["state"] as? String == "fresh")
        #expect(evidence["failing_windows"] as? [String] == ["2026-02"])
        let tests = try #require(evidence["tests"] as? [[String: Any]])
        #expect(
            tests.map { $0["test"] as? String } == [
                "columns: [user, mfa_enrolled]", "every: {column: mfa_enrolled, equals: \"true\"}",
            ])
        #expect(tests[1]["passed"] as? Bool == false && tests[1]["files_failed"] as? Int == 1)
        let failure = try #require((tests[1]["failures"] as? [[String: Any]])?.first)
        #expect(failure["file"] as? String == "evidence/mfa-2026-02.csv" && failure["line"] as? Int == 3)
        #expect((doc["controls_by_state"] as? [String: Int])?["failing-evidence"] == 1)

        #expect(Dossier.run(["check", "--strict"], in: repo.path).status == 1)
        let text = Dossier.run(["check"], in: repo.path).stdout
        #expect(text.contains("Fix failing evidence"))
        #expect(text.contains("AC-001 (it@acme.example): evidence/mfa-2026-02.csv"))
        #expect(text.contains("failing Type II windows: 2026-02"))
    }

    @Test func aFailingNewestExportFailsTheRequirementAndAFixedOneDoesNot() throws {
        let repo = Self.workspace(marchEnrolled: "no")
        let doc = try #require(
            JSONSerialization.jsonObject(with: Data(Dossier.run(["check", "--json"], in: repo.path).stdoutBytes))
                as? [String: Any])
        let evidence = try #require(((doc["controls"] as? [[String: Any]])?[0]["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["state"] as? String == "failing")

        repo.write("evidence/mfa-2026-03.csv", "user,mfa_enrolled\nann,true\nbo,true\n")
        repo.commit("fixed exports", date: "2026-03-31")
        let fixed = try #require(
            JSONSerialization.jsonObject(with: Data(Dossier.run(["check", "--json"], in: repo.path).stdoutBytes))
                as? [String: Any])
        let control = try #require((fixed["controls"] as? [[String: Any]])?[0])
        let requirement = try #require((control["evidence"] as? [[String: Any]])?.first)
        #expect(requirement["state"] as? String == "fresh")
        // February still failed every test it had: the control stays failing for that window.
        #expect(control["state"] as? String == "failing-evidence")
        #expect(requirement["failing_windows"] as? [String] == ["2026-02"])
    }

    @Test func theSiteShowsEachTestPerFileWithItsFailingRows() throws {
        let repo = Self.workspace(marchEnrolled: "true")
        let output = TemporaryDirectory("dossier-cli-evidence-tests-site")
        let result = Dossier.run(["build", repo.path, "--output", output.path + "/site"], in: repo.path)
        #expect(result.status == 0, "\(result.stderr)")
        let page = try String(contentsOfFile: output.path + "/site/controls/AC-001.html", encoding: .utf8)
        #expect(page.contains("<code>every: {column: mfa_enrolled, equals: &quot;true&quot;}</code>"))
        #expect(page.contains("mfa-2026-02.csv</a> <span class=\"badge tone-bad\" data-state=\"failed\">fails</span>"))
        // The offending cell is escaped, with its line.
        #expect(page.contains("<span class=\"muted\">line 3:</span> mfa_enrolled: `false` is not `true`"))
        #expect(page.contains("failing tests"))
        // Evidence is untrusted: a hostile cell is shown escaped, never as markup.
        #expect(page.contains("`&lt;img src=x onerror=alert(1)&gt;` is not `true`"))
        #expect(!page.contains("<img src=x"))
        let dashboard = try String(contentsOfFile: output.path + "/site/index.html", encoding: .utf8)
        #expect(dashboard.contains("Failing evidence by owner"))
        #expect(dashboard.contains("<li><span class=\"count\">1</span> it@acme.example</li>"))
        let gaps = try String(contentsOfFile: output.path + "/site/gaps.html", encoding: .utf8)
        #expect(gaps.contains("1 failing evidence"))
    }

    @Test func strictFailsOnFailingEvidenceAlone() {
        // Security only, every criterion but CC6.1 excluded: the MFA control decides --strict on its own.
        let security =
            (1...5).map { "CC1.\($0)" } + (1...3).map { "CC2.\($0)" } + (1...4).map { "CC3.\($0)" }
            + (1...2).map { "CC4.\($0)" } + (1...3).map { "CC5.\($0)" } + (2...8).map { "CC6.\($0)" }
            + (1...5).map { "CC7.\($0)" } + ["CC8.1", "CC9.1", "CC9.2"]
        let exclusions = security.map { "  - {criterion: \($0), reason: out of this test}" }.joined(separator: "\n")
        let repo = GitFixture("dossier-cli-evidence-tests-strict")
        repo.write(
            "controls.yaml",
            """
            dossier: 1
            organization: Acme
            system: Platform
            as_of: 2026-04-10
            exclusions:
            \(exclusions)
            controls:
              - id: AC-001
                title: MFA
                owner: it@acme.example
                frequency: monthly
                criteria: [CC6.1]
                status: implemented
                evidence:
                  - path: evidence/mfa-*.csv
                    tests:
                      - every: {column: mfa_enrolled, equals: "true"}

            """)
        repo.write("evidence/mfa-2026-03.csv", "user,mfa_enrolled\nann,true\nbo,false\n")
        repo.commit("March", date: "2026-03-31")
        let failing = Dossier.run(["check", "--strict"], in: repo.path)
        #expect(failing.status == 1, "\(failing.stdout)")
        #expect(failing.stdout.contains("Fix failing evidence (1)"))
        repo.write("evidence/mfa-2026-03.csv", "user,mfa_enrolled\nann,true\nbo,true\n")
        repo.commit("March, fixed", date: "2026-03-31")
        let fixed = Dossier.run(["check", "--strict"], in: repo.path)
        #expect(fixed.status == 0, "\(fixed.stdout)")
    }

    @Test func malformedTestsMakeTheInputInvalid() {
        let repo = GitFixture("dossier-cli-evidence-tests-bad")
        repo.write(
            "controls.yaml", Self.controls.replacingOccurrences(of: "equals: \"true\"", with: "matches: \"(a+\""))
        repo.write("evidence/kms.json", "{}\n")
        repo.commit("start", date: "2026-01-31")
        let result = Dossier.run(["check"], in: repo.path)
        #expect(result.status == 2)
        // A broken control map shows only its own diagnostics, on stderr, with the stable code.
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr.contains("controls.yaml:17:52: error: regex `(a+`"), "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("[evidence-test.bad-regex]"))
    }
}
