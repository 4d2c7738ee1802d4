import DossierCollect
import DossierCore
import DossierGit
import DossierTestSupport
import Foundation
import Testing

@Suite struct CollectRunTests {
    typealias F = CollectFixture

    @Test func aDueCollectorWritesItsOutputWithProvenanceThatCheckReadsBack() throws {
        let fixture = F(F.control("AC-001", script: "ok.sh"))
        let report = fixture.run()
        #expect(report.exitCode == 0)
        #expect(report.outcomes.map(\.result) == [.written])
        #expect(report.tasks.first?.reason == "missing")
        let output = "evidence/AC-001/export-2026-10-01.csv"
        #expect(fixture.read(output) == "user,mfa\nann,true\nbob,true\n")
        let ledger = try #require(fixture.read("evidence/collected.yaml"))
        #expect(ledger.contains("\"\(output)\": {date: 2026-10-01, command: \"scripts/ok.sh\""))
        #expect(ledger.contains("collected_at: \"2026-10-01T06:00:00Z\", exit: 0, sha256: "))
        #expect(ledger.contains(report.outcomes[0].sha256 ?? "-"))

        // Committed later: the collection day still dates the file, and check sees it fresh with its command.
        fixture.repo.commit("collected", date: "2026-10-03")
        let assessment = fixture.assess(on: "2026-10-20")
        #expect(assessment.isValid, "\(assessment.diagnostics)")
        let requirement = try #require(assessment.readiness.control("AC-001")?.requirements.first)
        #expect(requirement.state == .fresh)
        #expect(requirement.files.first?.date == CalendarDay(iso: "2026-10-01"))
        #expect(requirement.files.first?.dateSource == .declared)
        #expect(requirement.files.first?.collectedBy == "scripts/ok.sh")
        #expect(!assessment.diagnostics.contains { $0.code == .collectedDigestMismatch })

        // Edited after collection: the recorded SHA-256 no longer matches, and check says so at its line.
        fixture.repo.write(output, "user,mfa\nann,true\n")
        fixture.repo.commit("edited", date: "2026-10-04")
        let edited = fixture.assess(on: "2026-10-20").diagnostics.filter { $0.code == .collectedDigestMismatch }
        #expect(edited.map(\.file) == ["evidence/collected.yaml"])
        #expect(edited.first?.line == 3)
    }

    @Test func aSecondRunTheSameDayWritesNothingAndSaysSo() {
        let fixture = F(F.control("AC-001", script: "ok.sh"))
        #expect(fixture.run().exitCode == 0)
        let ledger = fixture.read("evidence/collected.yaml")
        let again = fixture.run()
        #expect(again.outcomes.map(\.result) == [.exists])
        #expect(again.exitCode == 0)
        #expect(again.diagnostics.map(\.code) == [.collectExists])
        #expect(fixture.read("evidence/collected.yaml") == ledger)
        #expect(fixture.files(under: "evidence/AC-001") == ["export-2026-10-01.csv"])
    }

    @Test func failuresWriteNothingAndAreReportedWithOwnerStatusAndStderr() throws {
        let fixture = F(
            F.control("T-1", script: "hang.sh", extra: "          timeout: 1s")
                + F.control("T-2", script: "flood.sh") + F.control("T-3", script: "fail.sh")
                + F.control("T-4", script: "empty.sh") + F.control("T-5", script: "secret.sh")
                + F.control(
                    "T-6", script: "mfa-off.sh",
                    tests: "        tests:\n          - every: {column: mfa, equals: \"true\"}")
                + F.control("T-7", script: "ok.sh"))
        let started = Date()
        let report = fixture.run(jobs: 3, maxOutput: 64 << 10)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(report.exitCode == 1)
        let results = Dictionary(uniqueKeysWithValues: report.outcomes.map { ($0.task.control.id, $0.result) })
        #expect(results["T-1"] == .failed(.collectTimedOut), "\(report.outcomes.map { ($0.message, $0.stderrTail) })")
        #expect(results["T-2"] == .failed(.collectTooMuchOutput))
        #expect(results["T-3"] == .failed(.collectFailed))
        #expect(results["T-4"] == .failed(.collectEmptyOutput))
        #expect(results["T-5"] == .failed(.collectSecret))
        #expect(results["T-6"] == .failed(.collectFailingTests))
        #expect(results["T-7"] == .written)
        let failed = try #require(report.outcomes.first { $0.task.control.id == "T-3" })
        #expect(failed.status == 3)
        #expect(failed.stderrLines() == ["listing users", "AccessDenied: the token has expired"])
        let diagnostic = try #require(report.diagnostics.first { $0.code == .collectFailed })
        #expect(diagnostic.file == "controls.yaml")
        #expect(diagnostic.line != nil)
        #expect(diagnostic.message.contains("t-3@acme.example"))
        #expect(report.text().contains("| AccessDenied: the token has expired"))
        // The secret is named by kind and line, never quoted.
        #expect(!report.diagnostics.contains { $0.message.contains("AKIAZ7QX3M5K2P4R4T6W") })
        // Nothing but the one good file (and no temporary file) was left anywhere.
        #expect(fixture.files(under: "evidence") == ["T-7/export-2026-10-01.csv", "collected.yaml"])
        let ledger = fixture.read("evidence/collected.yaml") ?? ""
        #expect(ledger.contains("T-7/export"))
        #expect(!ledger.contains("T-1/"))
    }

    @Test func theEnvironmentIsAnAllowListAndStdinIsEmpty() {
        setenv("DOSSIER_TEST_ALLOWED", "yes", 1)
        setenv("DOSSIER_TEST_LEAKY", "secret", 1)
        let fixture = F(
            F.control("E-1", script: "env.sh", extra: "          env: [DOSSIER_TEST_ALLOWED]")
                + F.control("E-2", script: "stdin.sh"))
        let report = fixture.run()
        #expect(report.exitCode == 0, "\(report.diagnostics)")
        let variables = (fixture.read("evidence/E-1/export-2026-10-01.csv") ?? "").split(separator: "\n")
        #expect(variables == ["variable", "DOSSIER_TEST_ALLOWED", "HOME", "PATH"])
        #expect(fixture.read("evidence/E-2/export-2026-10-01.csv") == "user,mfa\nann,true\n")
    }

    @Test func aCollectorThatWritesAFileItselfHasItMovedIntoPlace() {
        let fixture = F(
            F.control("W-1", script: "writes.sh", extra: "          writes: out/report.csv")
                + F.control("W-2", script: "ok.sh", extra: "          writes: out/never.csv"))
        let report = fixture.run()
        #expect(report.outcomes.map(\.result) == [.written, .failed(.collectEmptyOutput)], "\(report.diagnostics)")
        #expect(fixture.read("evidence/W-1/export-2026-10-01.csv") == "user,mfa\nann,true\n")
        // W-2 printed CSV but wrote no file: what it printed is not taken instead.
        #expect(fixture.files(under: "evidence") == ["W-1/export-2026-10-01.csv", "collected.yaml"])
        #expect(fixture.files(under: "out").isEmpty)
    }

    @Test func anOutputPathThroughALinkIsRefusedAndNothingIsWrittenOutside() throws {
        let outside = TemporaryDirectory("dossier-outside")
        let fixture = F(F.control("L-1", script: "ok.sh") + F.control("L-2", script: "ok.sh"))
        // L-1: its folder is a link to a folder outside the workspace. L-2: its output name is a dangling link.
        try FileManager.default.createDirectory(atPath: fixture.path + "/evidence", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path + "/evidence/L-1", withDestinationPath: outside.path)
        try FileManager.default.createDirectory(
            atPath: fixture.path + "/evidence/L-2", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path + "/evidence/L-2/export-2026-10-01.csv",
            withDestinationPath: outside.path + "/planted.csv")
        let report = fixture.run()
        #expect(report.exitCode == 1)
        #expect(report.outcomes.map(\.result) == [.failed(.collectUnwritable), .failed(.collectUnwritable)])
        #expect((try? FileManager.default.contentsOfDirectory(atPath: outside.path)) == [])
        #expect(fixture.read("evidence/collected.yaml") == nil)
    }

    @Test func collectorsRunInParallelUpToJobs() {
        let fixture = F((1...6).map { F.control("P-\($0)", script: "slow.sh") }.joined())
        let started = Date()
        let report = fixture.run(jobs: 3)
        let elapsed = Date().timeIntervalSince(started)
        #expect(report.written.count == 6, "\(report.diagnostics)")
        #expect(report.outcomes.map(\.task.control.id) == (1...6).map { "P-\($0)" })
        // Six one-second collectors, three at a time: two rounds, not six.
        #expect(elapsed >= 2 && elapsed < 5.5, "took \(elapsed) s")
        let ledger = fixture.read("evidence/collected.yaml") ?? ""
        #expect(ledger.split(separator: "\n").filter { $0.hasPrefix("\"evidence/P-") }.count == 6)
    }

    @Test func dueSelectionSkipsFreshEvidenceUnlessItTurnsStaleWithinTheWindow() {
        let fixture = F(F.control("D-1", script: "ok.sh") + F.control("D-2", script: "ok.sh"))
        fixture.repo.write("evidence/D-1/export-2026-09-25.csv", "user,mfa\nann,true\n")
        fixture.repo.commit("D-1 by hand", date: "2026-09-25")
        let due = fixture.run(dryRun: true)
        #expect(due.tasks.map(\.control.id) == ["D-2"])
        #expect(due.outcomes.isEmpty)
        #expect(fixture.files(under: "evidence") == ["D-1/export-2026-09-25.csv"])
        // Fresh until 2026-10-26: within 30 days it is due, and --all and --only run it whatever its state.
        #expect(fixture.run(.due(withinDays: 30), dryRun: true).tasks.map(\.control.id) == ["D-1", "D-2"])
        #expect(fixture.run(.all, dryRun: true).tasks.count == 2)
        let only = fixture.run(.only(["evidence/D-1/export-*.csv"]), dryRun: true)
        #expect(only.tasks.map(\.control.id) == ["D-1"])
        let unknown = fixture.run(.only(["NOPE-1"]), dryRun: true)
        #expect(unknown.exitCode == 2)
        #expect(unknown.diagnostics.map(\.code) == [.collectUnknownSelection])
    }

    @Test func commitStagesExactlyTheCollectedFilesAndTheProvenance() throws {
        let fixture = F(F.control("C-1", script: "ok.sh") + F.control("C-2", script: "fail.sh"))
        fixture.repo.write("notes.txt", "not for this commit\n")
        let report = fixture.run(commit: true)
        #expect(report.exitCode == 1)
        let commit = try #require(report.commit)
        let files = fixture.repo.git("show", "--name-only", "--format=", commit).split(separator: "\n")
        #expect(files == ["evidence/C-1/export-2026-10-01.csv", "evidence/collected.yaml"])
        let author = fixture.repo.git("show", "-s", "--format=%an <%ae>|%cn <%ce>", commit)
        #expect(
            author.trimmingCharacters(in: .whitespacesAndNewlines)
                == "Collector Bot <bot@acme.example>|Collector Bot <bot@acme.example>")
        let message = fixture.repo.git("show", "-s", "--format=%B", commit)
        #expect(message.hasPrefix("Collect evidence for C-1\n"))
        #expect(message.contains("- evidence/C-1/export-2026-10-01.csv"))
        #expect(message.contains("command: scripts/ok.sh"))
        #expect(message.contains(report.outcomes[0].sha256 ?? "-"))
        #expect(fixture.repo.git("status", "--porcelain").contains("?? notes.txt"))
    }

    @Test func commitRefusesWhenOtherChangesAreStagedAndRunsNothing() {
        let fixture = F(F.control("C-1", script: "ok.sh"))
        fixture.repo.write("notes.txt", "staged by someone\n")
        fixture.repo.git("add", "notes.txt")
        let head = fixture.repo.git("rev-parse", "HEAD")
        let report = fixture.run(commit: true)
        #expect(report.exitCode == 1)
        #expect(report.diagnostics.map(\.code) == [.collectStagedChanges])
        #expect(report.outcomes.isEmpty)
        #expect(fixture.files(under: "evidence").isEmpty)
        #expect(fixture.repo.git("rev-parse", "HEAD") == head)
    }

    @Test func aProvenanceFileThatIsALinkRunsNothing() throws {
        let outside = TemporaryDirectory("dossier-outside")
        outside.write("collected.yaml", "# not ours\n")
        let fixture = F(F.control("U-1", script: "ok.sh"))
        try FileManager.default.createDirectory(atPath: fixture.path + "/evidence", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: fixture.path + "/evidence/collected.yaml", withDestinationPath: outside.path + "/collected.yaml")
        let report = fixture.run()
        #expect(report.exitCode == 2)
        #expect(report.diagnostics.map(\.code) == [.collectedUnreadable, .collectProvenance])
        #expect(report.outcomes.isEmpty)
        #expect(fixture.files(under: "evidence") == ["collected.yaml"])
        #expect((try? String(contentsOfFile: outside.path + "/collected.yaml", encoding: .utf8)) == "# not ours\n")
    }

    @Test func aProvenanceFileThatTurnsIntoALinkDuringTheRunUndoesIt() throws {
        let outside = TemporaryDirectory("dossier-outside")
        outside.write("collected.yaml", "# not ours\n")
        setenv("DOSSIER_TEST_OUTSIDE", outside.path, 1)
        let fixture = F(
            F.control("U-1", script: "sabotage.sh", extra: "          env: [DOSSIER_TEST_OUTSIDE]")
                + F.control("U-2", script: "ok.sh"))
        let report = fixture.run(jobs: 1)
        #expect(report.exitCode == 1)
        #expect(report.outcomes.map(\.result) == [.failed(.collectProvenance), .failed(.collectProvenance)])
        #expect(report.diagnostics.map(\.code) == [.collectProvenance])
        #expect(fixture.files(under: "evidence") == ["collected.yaml"])
        #expect((try? String(contentsOfFile: outside.path + "/collected.yaml", encoding: .utf8)) == "# not ours\n")
    }

    @Test func aBrokenProvenanceFileRunsNothing() {
        let fixture = F(F.control("B-1", script: "ok.sh"))
        fixture.repo.write("evidence/collected.yaml", "evidence/x.csv: [unclosed\n")
        let report = fixture.run()
        #expect(report.exitCode == 2)
        #expect(report.diagnostics.map(\.code).contains(.collectProvenance))
        #expect(report.outcomes.isEmpty)
        #expect(fixture.files(under: "evidence") == ["collected.yaml"])
    }

    @Test func anInvalidControlMapRunsNothing() {
        let fixture = F(
            F.control("X-1", script: "ok.sh").replacingOccurrences(
                of: "output: evidence/X-1/export-{date}.csv", with: "output: evidence/elsewhere/{date}.csv"))
        let report = fixture.run()
        #expect(report.exitCode == 2)
        #expect(report.diagnostics.map(\.code).contains(.controlMapCollectOutsideGlob))
        #expect(fixture.files(under: "evidence").isEmpty)
    }
}
