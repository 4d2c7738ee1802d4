import Testing

@testable import DossierBundle
@testable import DossierCore

/// `control-matrix.csv` carries each control's test outcome for the auditor's spreadsheet.
@Suite struct ControlMatrixTestsColumnTests {
    func control(failing: Bool, windows: [PeriodWindow] = []) -> ControlResult {
        let test = EvidenceTest(kind: .columns(["user"]), definition: "columns: [user]")
        var requirement = EvidenceRequirement(path: "evidence/mfa-*.csv")
        requirement.tests = [test]
        var summary = TestSummary(test: test)
        if failing {
            summary.filesFailed = 1
            summary.failureCount = 3
        }
        let q = RequirementResult(
            requirement: requirement, frequency: .monthly, state: failing ? .failing : .fresh, files: [], unusable: [],
            later: [], missingWindows: [], windows: [], failingWindows: windows, tests: [summary])
        let control = Control(
            id: "AC-001", title: "MFA", owner: "it", frequency: .monthly, criteria: ["CC6.1"], status: .implemented,
            evidence: [requirement])
        return ControlResult(control: control, state: failing ? .failingEvidence : .ready, requirements: [q])
    }

    @Test func theTestsColumnSaysPassedOrListsWhatFailed() {
        #expect(ControlMatrix.testOutcome(control(failing: false)) == "passed (1 test)")
        let june = PeriodWindow(
            label: "2026-06", first: CalendarDay(iso: "2026-06-01")!, last: CalendarDay(iso: "2026-06-30")!)
        #expect(
            ControlMatrix.testOutcome(control(failing: true, windows: [june]))
                == "failed:\nevidence/mfa-*.csv: columns: [user] — 1 file(s), 3 failing row(s) or value(s)\nevidence/mfa-*.csv: failing Type II windows 2026-06"
        )
        let none = ControlResult(
            control: Control(id: "X", title: "x", owner: "o", frequency: .annual, criteria: [], status: .implemented),
            state: .ready, requirements: [])
        #expect(ControlMatrix.testOutcome(none) == "")
        #expect(ControlMatrix.header.last == "tests")
    }
}
