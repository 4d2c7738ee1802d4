import DossierGit
import DossierTestSupport
import Foundation
import Testing

@testable import DossierCore

/// Tests judged through the pipeline on a git repository: readiness states, failing windows, the cache.
@Suite struct EvidenceTestRunTests {
    static let controls = """
        dossier: 1
        organization: Acme
        system: Platform
        period: {start: 2026-01-01, end: 2026-03-31}
        as_of: 2026-04-10
        controls:
          - id: AC-001
            title: MFA
            owner: it@example.com
            frequency: monthly
            criteria: [CC6.1]
            status: implemented
            evidence:
              - path: evidence/mfa-*.csv
                tests:
                  - every: {column: mfa, equals: "true"}
                  - covers: {column: user, from: evidence/roster-*.csv}

        """

    static func repo(march: String = "user,mfa\nann,true\nbo,true\n") -> GitFixture {
        let repo = GitFixture("dossier-evidence-tests")
        repo.write("controls.yaml", controls)
        repo.write("evidence/roster-2026-01.csv", "user\nann\nbo\n")
        repo.write("evidence/mfa-2026-01.csv", "user,mfa\nann,true\nbo,true\n")
        repo.commit("January", date: "2026-01-31")
        repo.write("evidence/mfa-2026-02.csv", "user,mfa\nann,true\nbo,false\n")
        repo.commit("February", date: "2026-02-28")
        repo.write("evidence/mfa-2026-03.csv", march)
        repo.commit("March", date: "2026-03-31")
        return repo
    }

    @Test func aFailingMonthIsAFailingWindowAndAFailingNewestFileFailsTheRequirement() throws {
        let goodRepo = Self.repo()
        let good = AssessmentPipeline(workspace: Workspace(path: goodRepo.path)).run()
        let q = try #require(good.readiness.controls.first?.requirements.first)
        #expect(q.failingWindows.map(\.label) == ["2026-02"])
        #expect(q.state == .fresh)
        #expect(good.readiness.controls[0].state == .failingEvidence)
        #expect(q.tests.map(\.filesFailed) == [1, 0])

        let badRepo = Self.repo(march: "user,mfa\nann,true\n")
        let bad = AssessmentPipeline(workspace: Workspace(path: badRepo.path)).run()
        let r = try #require(bad.readiness.controls.first?.requirements.first)
        #expect(r.state == .failing)
        #expect(r.tests[1].failures.first?.message.contains("`bo`") == true)
        #expect(ToDoList(bad.readiness).sections.first { $0.title == "Fix failing evidence" }?.items.count == 3)
    }

    @Test func missingOutranksFailing() {
        let engine = ReadinessEngine(asOf: CalendarDay(iso: "2026-04-10")!)
        let control = Control(
            id: "A", title: "t", owner: "o", frequency: .monthly, criteria: [], status: .implemented)
        let results = [
            RequirementResult(
                requirement: .init(path: "x"), frequency: .monthly, state: .missing, files: [], unusable: [], later: [],
                missingWindows: [], windows: [], failingWindows: []),
            RequirementResult(
                requirement: .init(path: "y"), frequency: .monthly, state: .failing, files: [], unusable: [], later: [],
                missingWindows: [], windows: []),
        ]
        #expect(engine.state(of: control, results) == .missingEvidence)
        #expect(engine.state(of: control, [results[1]]) == .failingEvidence)
    }

    @Test func unchangedFilesComeFromTheCacheAndAChangedFileIsReadAgain() throws {
        let repo = Self.repo()
        let workspace = Workspace(path: repo.path)
        func run() -> (EvidenceTestResults, Assessment) {
            let log = DiagnosticLog()
            let map = ControlMapLoader(fileExists: { _ in true }).load(Array(Self.controls.utf8), into: log)
            let inventory = EvidenceScanner(
                files: WorkspaceFiles(root: repo.path), requirements: map.controls.flatMap(\.evidence)
            )
            .scan(into: log)
            let results = EvidenceTestRunner(files: WorkspaceFiles(root: repo.path)).run(map, inventory)
            return (results, AssessmentPipeline(workspace: workspace).run())
        }
        _ = run()
        let (second, _) = run()
        #expect(second.read == 0 && second.remembered == 3)

        repo.write("evidence/mfa-2026-03.csv", "user,mfa\nann,false\nbo,true\n")
        repo.commit("March again", date: "2026-03-31")
        let (third, assessment) = run()
        #expect(third.read == 1 && third.remembered == 2)
        #expect(assessment.readiness.controls[0].requirements[0].state == .failing)

        // Other bounds can judge the same bytes differently: nothing is taken from the cache.
        var limits = EvidenceTestLimits()
        limits.maxRecordBytes = 4
        let inventory = EvidenceScanner(
            files: WorkspaceFiles(root: repo.path), requirements: assessment.controlMap.controls.flatMap(\.evidence)
        )
        .scan(into: DiagnosticLog())
        let bounded = EvidenceTestRunner(files: WorkspaceFiles(root: repo.path), limits: limits).run(
            assessment.controlMap, inventory)
        #expect(bounded.read == 3 && bounded.remembered == 0)
        #expect(bounded.byFile.values.allSatisfy { $0.values.allSatisfy { !$0.passed } })
    }

    @Test func aPoisonedCacheIsNotBelieved() throws {
        let repo = Self.repo()
        let gitDirectory = repo.path + "/.git"
        _ = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        let cacheFile = gitDirectory + "/dossier/tests-cache"
        var text = try String(contentsOfFile: cacheFile, encoding: .utf8)
        // Claim every file passed: rewrite each payload as a passing outcome, keeping keys and checksums.
        let passing = Data(
            #"[{"failureCount":0,"failures":[],"passed":true},{"failureCount":0,"failures":[],"passed":true}]"#.utf8
        )
        .base64EncodedString()
        text =
            text.split(separator: "\n").enumerated().map { index, line in
                guard index > 0 else { return String(line) }
                let fields = line.split(separator: " ")
                return "\(fields[0]) \(fields[1]) \(passing)"
            }.joined(separator: "\n") + "\n"
        try text.write(toFile: cacheFile, atomically: true, encoding: .utf8)
        #expect(EvidenceTestCache.load(gitDirectory: gitDirectory).entries.isEmpty)
        let again = AssessmentPipeline(workspace: Workspace(path: repo.path)).run()
        #expect(again.readiness.controls[0].requirements[0].failingWindows.map(\.label) == ["2026-02"])

        let inconsistent = #"[{"failureCount":0,"failures":[{"message":"x"}],"passed":true}]"#
        let payload = Array(Data(inconsistent.utf8).base64EncodedString().utf8)
        let key = String(repeating: "a", count: 64)
        var bytes = Array(EvidenceTestCache.header.utf8)
        bytes += key.utf8 + [32]
        bytes += EvidenceTestCache.checksum(key, payload).utf8 + [32]
        bytes += payload + [10]
        #expect(EvidenceTestCache.parse(bytes) == nil)
    }
}
