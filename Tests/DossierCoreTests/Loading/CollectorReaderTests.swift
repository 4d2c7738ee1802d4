import Testing

@testable import DossierCore

@Suite struct CollectorReaderTests {
    func load(_ collect: String, path: String = "evidence/infra/INF-002/password-policy-*.json") -> (
        EvidenceCollector?, [Diagnostic]
    ) {
        let text = """
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
                  - path: \(path)
                    collect:
            \(collect.split(separator: "\n").map { "          " + $0 }.joined(separator: "\n"))

            """
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in false }).load(Array(text.utf8), into: log)
        return (map.controls.first?.evidence.first?.collector, log.diagnostics.filter { $0.severity == .error })
    }

    @Test func aCompleteCollectorIsRead() throws {
        let (collector, errors) = load(
            """
            run: [aws, iam, get-account-password-policy]
            output: evidence/infra/INF-002/password-policy-{date}.json
            timeout: 2m
            env: [AWS_PROFILE, AWS_REGION]
            """)
        #expect(errors.isEmpty, "\(errors)")
        let read = try #require(collector)
        #expect(read.run == ["aws", "iam", "get-account-password-policy"])
        #expect(read.argv == read.run)
        #expect(read.timeoutSeconds == 120)
        #expect(read.environment == ["AWS_PROFILE", "AWS_REGION"])
        #expect(read.mark == SourceMark(line: 14, column: 11))
        let now = CalendarDay(iso: "2026-10-01")!.unixTime + 6 * 3600 + 62
        #expect(
            read.outputPath(control: "INF-002", at: now) == "evidence/infra/INF-002/password-policy-2026-10-01.json")
        #expect(
            EvidenceCollector(run: ["x"], output: "e/{control}-{datetime}.json").outputPath(control: "A-1", at: now)
                == "e/A-1-2026-10-01T060102Z.json")
    }

    @Test func defaultsAndAShellScript() throws {
        let (collector, errors) = load(
            """
            run: "aws iam generate-credential-report >/dev/null && aws iam get-credential-report"
            shell: true
            output: evidence/infra/INF-002/password-policy-{date}.json
            """)
        #expect(errors.isEmpty, "\(errors)")
        let read = try #require(collector)
        #expect(read.timeoutSeconds == 60)
        #expect(read.environment.isEmpty)
        #expect(read.argv.prefix(2) == ["/bin/sh", "-c"])
    }

    @Test(
        arguments: [
            (
                "run: [aws]\noutput: evidence/infra/INF-003/x-{date}.json", DiagnosticCode.controlMapCollectOutsideGlob,
                2
            ),
            ("run: [aws]\noutput: evidence/infra/INF-002/password-policy-{day}.json", .controlMapCollectPlaceholder, 2),
            ("run: [aws]\noutput: evidence/infra/INF-002/policy-{date}.json", .controlMapCollectOutsideGlob, 2),
            (
                "run: aws iam get-account-password-policy\noutput: evidence/infra/INF-002/password-policy-{date}.json",
                .controlMapCollectCommand, 1
            ),
            ("run: []\noutput: evidence/infra/INF-002/password-policy-{date}.json", .controlMapCollectCommand, 1),
            (
                "run: [aws]\noutput: evidence/infra/INF-002/password-policy-{date}.json\ntimeout: soon",
                .controlMapCollectTimeout, 3
            ),
            (
                "run: [aws]\noutput: evidence/infra/INF-002/password-policy-{date}.json\ntimeout: 25h",
                .controlMapCollectTimeout, 3
            ),
            (
                "run: [aws]\noutput: evidence/infra/INF-002/password-policy-{date}.json\nenv: [AWS-PROFILE]",
                .controlMapCollectVariable, 3
            ),
            ("run: [aws]\noutput: ../password-policy-{date}.json", .controlMapInvalidPath, 2),
            (
                "run: [aws]\noutput: evidence/infra/INF-002/password-policy-{date}.json\nshel: true", .schemaUnknownKey,
                3
            ),
            ("run: [aws]", .schemaMissingKey, 1),
            (
                "run: [aws]\noutput: evidence/infra/INF-002/password-policy-{date}.json\nwrites: /tmp/out.json",
                .controlMapInvalidPath, 3
            ),
        ])
    func aMistakeIsOneErrorAtItsLineAndTheCollectorIsLeftOut(_ yaml: String, _ code: DiagnosticCode, _ line: Int) {
        let (collector, errors) = load(yaml)
        #expect(collector == nil)
        #expect(errors.map(\.code) == [code], "\(errors)")
        // `collect:` is line 13; its keys start on line 14.
        #expect(errors.first?.line == 13 + line, "\(errors)")
    }

    @Test func anOutputWithoutADateIsAWarningAndTheCollectorIsKept() {
        let (collector, errors) = load(
            "run: [aws]\noutput: evidence/infra/INF-002/password-policy-current.json",
            path: "evidence/infra/INF-002/password-policy-*.json")
        #expect(errors.isEmpty)
        #expect(collector?.output == "evidence/infra/INF-002/password-policy-current.json")
        let log = DiagnosticLog()
        _ = ControlMapLoader(fileExists: { _ in false }).load(
            Array(
                """
                dossier: 1
                organization: A
                system: B
                controls:
                  - {id: A-1, title: T, owner: o@acme.example, frequency: monthly, criteria: [CC6.1], status: implemented,
                     evidence: [{path: e/x-*.json, collect: {run: [x], output: "e/x-{control}.json"}}]}

                """.utf8), into: log)
        #expect(log.diagnostics.map(\.code) == [.controlMapCollectFixedOutput])
    }

    @Test func theRequirementStaysWhenItsCollectorIsBroken() {
        let text = """
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
                  - path: evidence/x-*.json
                    collect: {run: [aws], output: "evidence/y-{date}.json"}

            """
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in false }).load(Array(text.utf8), into: log)
        #expect(map.controls.first?.evidence.map(\.path) == ["evidence/x-*.json"])
        #expect(map.controls.first?.evidence.first?.collector == nil)
        #expect(log.diagnostics.map(\.code) == [.controlMapCollectOutsideGlob])
    }
}
