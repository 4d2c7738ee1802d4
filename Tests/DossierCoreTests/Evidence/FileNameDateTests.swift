import DossierGit
import Testing

@testable import DossierCore

@Suite struct FileNameDateTests {
    func parsed(_ path: String) -> String? {
        FileNameDate.parse(Array(path.utf8))?.day.description
    }

    @Test func readsTheThreeShapesFromTheFileNameOnly() {
        #expect(parsed("evidence/2025-01-01/access-review-2026-06-30.csv") == "2026-06-30")
        #expect(parsed("evidence/backup-20260630.log") == "2026-06-30")
        #expect(parsed("evidence/okta-mfa-2026-06.csv") == "2026-06-30")
        #expect(parsed("evidence/okta-mfa-2026-02.csv") == "2026-02-28")
        #expect(parsed("evidence/okta-mfa-2026-12.csv") == "2026-12-31")
        #expect(parsed("evidence/2026-01-05_to_2026-03-31.csv") == "2026-03-31")  // the last date wins
        #expect(parsed("evidence/export-20260630T120000Z.json") == "2026-06-30")
    }

    @Test func ignoresWhatIsNotADate() {
        for path in [
            "evidence/2025-01-01/review.csv", "evidence/access-review-2026-Q2.csv", "evidence/training-2026.pdf",
            "evidence/build-202606301200.log", "evidence/v1.2.3.txt", "evidence/report-2026-13.csv",
            "evidence/report-2026-02-30.csv", "evidence/id-12345678.csv", "evidence/a-1234-56.csv",
        ] {
            #expect(parsed(path) == nil, "\(path)")
        }
    }

    // MARK: - Applying

    func file(_ path: String, committed: String) -> EvidenceFile {
        let time = CalendarDay(iso: committed)!.unixTime + 43_200
        return EvidenceFile(
            path: Array(path.utf8),
            commit: GitHistory.Commit(hash: "c", committerTime: time, authorTime: time, author: "a"))
    }

    func apply(_ files: [EvidenceFile], lag: Int = 31) -> ([EvidenceFile], [Diagnostic]) {
        var inventory = EvidenceInventory(files: files, git: GitContext(isWorkTree: true))
        let log = DiagnosticLog()
        FileNameDates.apply(to: &inventory, maxLagDays: lag, into: log)
        return (inventory.files, log.diagnostics)
    }

    @Test func aNameDateBeforeTheCommitWithinTheLagDatesTheFile() {
        let (files, diagnostics) = apply([file("e/review-2026-06-30.csv", committed: "2026-07-03")])
        #expect(files[0].date?.description == "2026-06-30")
        #expect(files[0].dateSource == .fileName)
        #expect(diagnostics.isEmpty)
    }

    @Test func aNameDateAfterTheCommitOrTooOldIsIgnoredWithAWarning() {
        let (files, diagnostics) = apply([
            file("e/a-2026-07-10.csv", committed: "2026-07-03"), file("e/b-2026-01-31.csv", committed: "2026-07-03"),
        ])
        #expect(files.map(\.date?.description) == ["2026-07-03", "2026-07-03"])
        #expect(files.map(\.dateSource) == [.commit, .commit])
        #expect(diagnostics.count == 2)
        #expect(diagnostics[0].message.contains("(2026-07-10) is after its commit (2026-07-03)"))
        #expect(diagnostics[1].message.contains("is 153 days before its commit"))
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.hint != nil })
        #expect(apply([file("e/b-2026-01-31.csv", committed: "2026-07-03")], lag: 200).0[0].dateSource == .fileName)
    }

    @Test func aBackfillCommittedInOneGoIsThreeWarningsAndACount() {
        let files = (1...9).map { file("e/mfa-2026-0\($0 as Int).csv", committed: "2026-12-03") }
        let (_, diagnostics) = apply(files)
        #expect(diagnostics.count == 3)
        #expect(
            diagnostics[2].message.hasSuffix(
                "(and 6 more files whose file name dates are more than 31 days "
                    + "before their commits, not shown)"), "\(diagnostics[2].message)")
    }

    @Test func aMonthlyExportCommittedDuringItsMonthIsDatedByTheCommitSilently() {
        let (files, diagnostics) = apply([file("e/okta-mfa-2026-10.csv", committed: "2026-10-09")])
        #expect(files[0].date?.description == "2026-10-09")
        #expect(diagnostics.isEmpty)
    }

    @Test func aDeclaredDateWins() {
        var declared = file("e/review-2026-06-30.csv", committed: "2026-07-03")
        declared.collected = CalendarDay(iso: "2026-06-29")
        let (files, diagnostics) = apply([declared])
        #expect(files[0].date?.description == "2026-06-29")
        #expect(files[0].dateSource == .declared)
        #expect(diagnostics.isEmpty)
    }
}
