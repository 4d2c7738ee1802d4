import DossierTestSupport
import Foundation
import Testing

/// `dossier collect` end to end on the built binary: a scheduled run that commits, and `check` afterwards.
@Suite struct CollectCommandTests {
    static let controls = """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform
        controls:
          - id: INF-002
            title: Password policy
            owner: infra@acme.example
            frequency: monthly
            criteria: [CC6.1]
            status: implemented
            evidence:
              - path: evidence/infra/INF-002/password-policy-*.json
                tests:
                  - json: {at: /PasswordPolicy/MinimumPasswordLength, min: 14}
                collect:
                  run: [scripts/password-policy.sh, --profile, audit]
                  output: evidence/infra/INF-002/password-policy-{date}.json
                  timeout: 10s
                  env: [FAKE_AWS_PROFILE]
          - id: GH-001
            title: Branch protection
            owner: eng@acme.example
            frequency: quarterly
            criteria: [CC8.1]
            status: implemented
            evidence:
              - path: evidence/change/GH-001/*.json
                collect:
                  run: [scripts/gh-protection.sh]
                  output: evidence/change/GH-001/branch-protection-{date}.json

        """

    /// A workspace whose collectors stand in for `aws` (reads a variable it was allowed) and `gh` (fails).
    static func workspace(ghFails: Bool) -> GitFixture {
        let repo = GitFixture("dossier-collect-cli")
        repo.write("controls.yaml", controls)
        let aws = repo.directory.writeExecutable(
            "scripts/password-policy.sh",
            """
            #!/bin/sh
            [ "$1 $2" = "--profile audit" ] || exit 9
            printf '{"PasswordPolicy": {"MinimumPasswordLength": 14, "Profile": "%s"}}\\n' "$FAKE_AWS_PROFILE"

            """)
        let gh = repo.directory.writeExecutable(
            "scripts/gh-protection.sh",
            ghFails
                ? "#!/bin/sh\necho 'gh: HTTP 401: Bad credentials' >&2\nexit 4\n"
                : "#!/bin/sh\necho '{\"required_pull_request_reviews\": {\"required_approving_review_count\": 1}}'\n")
        chmod(aws, 0o755)
        chmod(gh, 0o755)
        repo.commit("workspace", date: "2026-09-01")
        return repo
    }

    static let epoch = "1790834400"  // 2026-10-01T06:00:00Z

    @Test func aScheduledRunCommitsWhatItGatheredAndCheckSeesItFresh() throws {
        let repo = Self.workspace(ghFails: false)
        let run = Dossier.run(
            ["collect", "--due", "--commit", "--jobs", "2"], in: repo.path,
            environment: [
                "SOURCE_DATE_EPOCH": Self.epoch, "FAKE_AWS_PROFILE": "audit-ro",
                "DOSSIER_COMMIT_AUTHOR": "Evidence Bot <evidence-bot@acme.example>",
                "GIT_AUTHOR_NAME": "Someone Else", "GIT_COMMITTER_EMAIL": "someone@else.example",
            ])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("2 written"))
        #expect(run.stdout.contains("Committed "))
        let policy = try String(
            contentsOfFile: repo.path + "/evidence/infra/INF-002/password-policy-2026-10-01.json", encoding: .utf8)
        #expect(policy.contains("\"Profile\": \"audit-ro\""))
        #expect(repo.git("status", "--porcelain").isEmpty)
        let identity = repo.git("log", "-1", "--format=%an <%ae>|%cn <%ce>").trimmingCharacters(
            in: .whitespacesAndNewlines)
        #expect(identity == "Evidence Bot <evidence-bot@acme.example>|Evidence Bot <evidence-bot@acme.example>")

        let check = Dossier.run(["check", "--json", "--as-of", "2026-10-20"], in: repo.path)
        #expect(check.status == 0, "\(check.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let controls = doc["controls"] as? [[String: Any]] ?? []
        #expect(controls.map { $0["state"] as? String } == ["ready", "ready"], "\(controls)")

        // The bundle's provenance.csv names the command that collected each file.
        let output = TemporaryDirectory("dossier-collect-bundle")
        let bundle = Dossier.run(["bundle", repo.path, "-o", output.path], in: repo.path)
        #expect(bundle.status == 0, "\(bundle.stderr)")
        let zip = try #require(
            try FileManager.default.contentsOfDirectory(atPath: output.path).first { $0.hasSuffix(".zip") })
        let provenance = BundleWorkspace.python(
            """
            import csv, io, sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            text = z.read([n for n in z.namelist() if n.endswith("/data/provenance.csv")][0]).decode("utf-8-sig")
            for row in csv.DictReader(io.StringIO(text)):
                print(row["path"] + "|" + row["dated_by"] + "|" + row["collected_by"])
            """, [output.path + "/" + zip]
        ).stdout
        #expect(
            provenance.contains(
                "evidence/infra/INF-002/password-policy-2026-10-01.json|declared|scripts/password-policy.sh --profile audit"
            ), "\(provenance)")

        // A second run the same day has nothing due, and --all finds every file there already.
        let again = Dossier.run(
            ["collect", "--all", "--json"], in: repo.path, environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(again.status == 0, "\(again.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let results = (report["collectors"] as? [[String: Any]] ?? []).map { $0["result"] as? String }
        #expect(results == ["exists", "exists"])
    }

    @Test func aFailedCollectorExitsOneWithItsStderrAndTheOthersStillLand() {
        let repo = Self.workspace(ghFails: true)
        let run = Dossier.run(
            ["collect"], in: repo.path, environment: ["SOURCE_DATE_EPOCH": Self.epoch, "FAKE_AWS_PROFILE": "x"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("[collect.failed]"))
        #expect(run.stderr.contains("eng@acme.example"))
        #expect(run.stderr.contains("controls.yaml:29:11:"))
        #expect(run.stdout.contains("FAILED  GH-001   `scripts/gh-protection.sh`  (exit 4, owner eng@acme.example)"))
        #expect(run.stdout.contains("| gh: HTTP 401: Bad credentials"))
        #expect(
            FileManager.default.fileExists(
                atPath: repo.path + "/evidence/infra/INF-002/password-policy-2026-10-01.json"))
        #expect(!FileManager.default.fileExists(atPath: repo.path + "/evidence/change/GH-001"))
    }

    @Test func dryRunPrintsThePlanAndTouchesNothing() {
        let repo = Self.workspace(ghFails: false)
        let run = Dossier.run(["collect", "--dry-run"], in: repo.path, environment: ["SOURCE_DATE_EPOCH": Self.epoch])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Would run 2 collectors on 2026-10-01"))
        #expect(
            run.stdout.contains(
                "`scripts/password-policy.sh --profile audit` -> evidence/infra/INF-002/password-policy-2026-10-01.json"
            ))
        #expect(repo.git("status", "--porcelain", "--untracked-files=all").isEmpty)
    }

    @Test func misuseExitsTwo() {
        let repo = Self.workspace(ghFails: false)
        #expect(Dossier.run(["collect", "--all", "--only", "INF-002"], in: repo.path).status == 2)
        #expect(Dossier.run(["collect", "--jobs", "0"], in: repo.path).status == 2)
        #expect(Dossier.run(["collect", "--max-output", "lots"], in: repo.path).status == 2)
        #expect(Dossier.run(["collect", "--only", "NOPE"], in: repo.path).stderr.contains("collect.unknown-selection"))
        let badAuthor = Dossier.run(
            ["collect", "--commit"], in: repo.path, environment: ["DOSSIER_COMMIT_AUTHOR": "bot"])
        #expect(badAuthor.status == 2)
    }
}

/// The example workspace (the repository root) collects its stale restore test with a local script.
@Suite struct ExampleCollectorTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    @Test func theStaleRestoreTestIsDueAndItsScriptPassesTheRequirementsTests() throws {
        // 2026-10-15, the example's as_of: OPS-001's restore test is stale.
        let epoch = ["SOURCE_DATE_EPOCH": "1792040400"]
        let plan = Dossier.run(["collect", "--dry-run", "--json"], in: Self.root, environment: epoch)
        #expect(plan.status == 0, "\(plan.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let collectors = doc["collectors"] as? [[String: Any]] ?? []
        #expect(collectors.map { $0["control"] as? String } == ["OPS-001"])
        #expect(collectors.first?["output"] as? String == "evidence/ops/OPS-001/restore-test-2026-10-15.json")
        #expect(collectors.first?["reason"] as? String == "stale")

        // Collected into a copy, with a commit: OPS-001 becomes ready and check says so.
        let copy = GitFixture("dossier-example-collect")
        for item in ["controls.yaml", "collectors", "evidence", "narratives"] {
            try FileManager.default.copyItem(atPath: Self.root + "/" + item, toPath: copy.path + "/" + item)
        }
        copy.commit("example", date: "2026-10-14")
        let collect = Dossier.run(
            ["collect", "--commit"], in: copy.path,
            environment: epoch.merging(["DOSSIER_COMMIT_AUTHOR": "Ops Bot <ops-bot@northwind.example>"]) { a, _ in a })
        #expect(collect.status == 0, "\(collect.stdout)\(collect.stderr)")
        let check = Dossier.run(["check", "--json"], in: copy.path)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])
        let ops = (report["controls"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "OPS-001" }
        #expect(ops?["state"] as? String == "ready")
        let files = report["evidence_files"] as? [[String: Any]] ?? []
        let collected = files.first { $0["path"] as? String == "evidence/ops/OPS-001/restore-test-2026-10-15.json" }
        #expect(collected?["collected_by"] as? String == "collectors/restore-test.sh")
        #expect(collected?["date_source"] as? String == "declared")
    }
}
