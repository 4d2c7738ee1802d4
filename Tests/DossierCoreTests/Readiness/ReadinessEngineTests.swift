import DossierGit
import Testing

@testable import DossierCore

@Suite struct ReadinessEngineTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    static func file(_ path: String, _ date: String?, problems: [EvidenceFile.Problem] = []) -> EvidenceFile {
        let commit = date.map {
            GitHistory.Commit(
                hash: "c0ffee", committerTime: day($0).unixTime + 43_200, authorTime: day($0).unixTime + 43_200,
                author: "A <a@x>")
        }
        return EvidenceFile(path: Array(path.utf8), size: 10, commit: commit, problems: problems)
    }

    static func control(
        _ id: String, _ criteria: [String], status: Control.Status = .implemented, frequency: Frequency = .monthly,
        evidence: [String]
    ) -> Control {
        Control(
            id: id, title: id, owner: "o@x", frequency: frequency, criteria: criteria, status: status,
            justification: status == .notApplicable ? "n/a" : nil,
            evidence: evidence.map { EvidenceRequirement(path: $0) })
    }

    func evaluate(
        _ controls: [Control], _ files: [EvidenceFile], asOf: String = "2026-07-15",
        configure: (inout ControlMap) -> Void = { _ in }
    ) -> Readiness {
        var map = ControlMap()
        map.controls = controls
        configure(&map)
        return ReadinessEngine(asOf: Self.day(asOf)).evaluate(
            map, EvidenceInventory(files: files, git: GitContext(isWorkTree: true)))
    }

    @Test func freshnessIsWindowPlusGraceInWholeDays() {
        // monthly: 31 days. 2026-06-14 → 2026-07-15 is 31 days: fresh; 2026-06-13 is 32: stale.
        let fresh = evaluate(
            [Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], [Self.file("e/a.csv", "2026-06-14")])
        #expect(fresh.controls[0].requirements[0].state == .fresh)
        #expect(fresh.controls[0].requirements[0].freshUntil?.description == "2026-07-15")
        let stale = evaluate(
            [Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], [Self.file("e/a.csv", "2026-06-13")])
        #expect(stale.controls[0].requirements[0].state == .stale)
        #expect(stale.controls[0].state == .stale)
        let graced = evaluate(
            [Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], [Self.file("e/a.csv", "2026-06-13")]
        ) { $0.graceDays = 1 }
        #expect(graced.controls[0].requirements[0].state == .fresh)
    }

    @Test(arguments: [
        (Frequency.daily, 1), (.continuous, 1), (.weekly, 7), (.monthly, 31), (.quarterly, 92), (.semiannual, 183),
        (.annual, 366),
    ])
    func everyFrequencyHasItsWindow(_ frequency: Frequency, _ days: Int) {
        let asOf = Self.day("2026-07-15")
        let edge = asOf.adding(days: -days).description
        let beyond = asOf.adding(days: -days - 1).description
        #expect(
            evaluate([Self.control("A", ["CC6.1"], frequency: frequency, evidence: ["e/x"])], [Self.file("e/x", edge)])
                .controls[0].state == .ready)
        #expect(
            evaluate(
                [Self.control("A", ["CC6.1"], frequency: frequency, evidence: ["e/x"])], [Self.file("e/x", beyond)]
            ).controls[0].state == .stale)
    }

    @Test func onceNeverExpires() {
        let r = evaluate(
            [Self.control("A", ["CC6.1"], frequency: .once, evidence: ["e/x"])], [Self.file("e/x", "2019-01-01")])
        #expect(r.controls[0].state == .ready)
        #expect(r.controls[0].requirements[0].freshUntil == nil)
    }

    @Test func theNewestFileDecidesAndLaterFilesDidNotExistYet() {
        let files = [
            Self.file("e/a.csv", "2026-01-01"), Self.file("e/b.csv", "2026-07-01"), Self.file("e/c.csv", "2026-08-01"),
        ]
        let q = evaluate([Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], files).controls[0].requirements[0]
        #expect(q.newest?.description == "2026-07-01")
        #expect(q.files.map(\.displayPath) == ["e/b.csv", "e/a.csv"])
        #expect(q.later.map(\.displayPath) == ["e/c.csv"])
        let early = evaluate(
            [Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], [Self.file("e/c.csv", "2026-08-01")])
        #expect(early.controls[0].requirements[0].state == .missing)
    }

    @Test func unusableFilesNeverCount() {
        let files = [
            Self.file("e/a.csv", "2026-07-10", problems: [.lfsPointer]),
            Self.file("e/b.csv", nil, problems: [.untracked]),
            Self.file("e/c.csv", "2026-07-10", problems: [.symlink]),
        ]
        let q = evaluate([Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], files).controls[0].requirements[0]
        #expect(q.state == .missing)
        #expect(q.unusable.count == 3)
        let modified = evaluate(
            [Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])],
            [Self.file("e/a.csv", "2026-07-10", problems: [.modified])])
        #expect(modified.controls[0].state == .ready)  // the committed version counts; the change is reported
    }

    @Test func filesWithoutDatesAreUndatedNotFresh() {
        let r = evaluate([Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], [Self.file("e/a.csv", nil)])
        #expect(r.controls[0].requirements[0].state == .undated)
        #expect(r.controls[0].state == .undated)
        var declared = Self.file("e/a.csv", nil)
        declared.collected = Self.day("2026-07-01")
        #expect(evaluate([Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], [declared]).controls[0].state == .ready)
    }

    @Test func typeTwoWindowsWithoutEvidenceAreMissing() {
        let files = ["2026-01-10", "2026-02-10", "2026-04-10", "2026-05-10", "2026-06-10", "2026-07-10"].enumerated()
            .map {
                Self.file("e/m\($0.offset).csv", $0.element)
            }
        let r = evaluate([Self.control("A", ["CC6.1"], evidence: ["e/*.csv"])], files) {
            $0.period = AuditPeriod(start: Self.day("2026-01-01"), end: Self.day("2026-12-31"))
        }
        let q = r.controls[0].requirements[0]
        #expect(q.missingWindows.map(\.label) == ["2026-03"])
        // Windows that had not ended by the as-of date are not gaps yet; later ones are not listed.
        #expect(q.windows.map(\.window.label).last == "2026-07")
        #expect(r.controls[0].state == .missingEvidence)
    }

    @Test func controlStatesFollowStatusFirst() {
        let r = evaluate(
            [
                Self.control("P", ["CC1.1"], status: .planned, evidence: ["e/x"]),
                Self.control("N", ["CC1.2"], status: .notApplicable, evidence: []),
                Self.control("M", ["CC1.3"], evidence: ["e/none"]),
                Self.control("R", ["CC1.4"], evidence: []),
            ], [Self.file("e/x", "2026-07-14")])
        #expect(r.controls.map(\.state) == [.planned, .notApplicable, .missingEvidence, .ready])
    }

    @Test func criteriaStatesAndPercentages() {
        let r = evaluate(
            [
                Self.control("R", ["CC6.1", "A1.2"], evidence: ["e/x"]),
                Self.control("P", ["CC6.2"], status: .planned, evidence: []),
                Self.control("X", ["CC6.4"], evidence: ["e/x"]),
            ], [Self.file("e/x", "2026-07-14")]
        ) {
            $0.scope = [.security, .availability]
            $0.exclusions = [Exclusion(criterion: "CC6.4", reason: "carved out")]
        }
        let state = { (id: String) in r.criteria.first { $0.criterion.id == id }!.state }
        #expect(state("CC6.1") == .covered)
        #expect(state("CC6.2") == .partial)
        #expect(state("CC6.3") == .uncovered)
        #expect(state("CC6.4") == .excluded)
        #expect(state("C1.1") == .outOfScope)
        #expect(r.criteria.first { $0.criterion.id == "CC6.4" }?.exclusionReason == "carved out")
        let security = r.categories.first { $0.category == .security }!
        #expect(security.applicable == 32 && security.covered == 1)
        #expect(security.percent == 3.1)
        let availability = r.categories.first { $0.category == .availability }!
        #expect(availability.covered == 1 && availability.applicable == 3 && availability.percent == 33.3)
        #expect(r.categories.first { $0.category == .privacy }!.percent == nil)
        #expect(r.covered == 2 && r.applicable == 35)
        #expect(r.percent == 5.7)
        #expect(!r.isComplete)
    }

    @Test func unusedFilesAreThoseNoRequirementMatches() {
        let r = evaluate(
            [Self.control("A", ["CC6.1"], evidence: ["e/a.csv"])],
            [Self.file("e/a.csv", "2026-07-01"), Self.file("e/b.csv", "2026-07-01")])
        #expect(r.unusedFiles.map(\.displayPath) == ["e/b.csv"])
    }
}

@Suite struct ToDoListTests {
    @Test func missingWindowsAreShownAsRuns() {
        let all = PeriodWindow.windows(
            of: .monthly, from: CalendarDay(iso: "2026-01-01")!, to: CalendarDay(iso: "2026-12-31")!)
        let missing = [all[1], all[2], all[3], all[6], all[9], all[10]]
        #expect(ToDoList.ranges(missing, of: all) == "2026-02–2026-04, 2026-07, 2026-10–2026-11 (6 windows)")
        #expect(ToDoList.ranges([all[4]], of: all) == "2026-05")
        let alternate = stride(from: 0, to: 12, by: 2).map { all[$0] }
        #expect(ToDoList.ranges(alternate, of: all).hasSuffix("2026-09 and 1 more gaps (6 windows)"))
    }
}

@Suite struct GapListTests {
    @Test func gapDetailsAreShortAndWindowsAreRuns() throws {
        let days = ["2026-01-10", "2026-05-10", "2026-06-10"]
        let files = days.enumerated().map { ReadinessEngineTests.file("e/m\($0.offset).csv", $0.element) }
        var map = ControlMap()
        map.controls = [ReadinessEngineTests.control("A", ["CC6.1"], evidence: ["e/*.csv"])]
        map.period = AuditPeriod(start: CalendarDay(iso: "2026-01-01")!, end: CalendarDay(iso: "2026-06-30")!)
        let readiness = ReadinessEngine(asOf: CalendarDay(iso: "2026-07-01")!)
            .evaluate(map, EvidenceInventory(files: files, git: GitContext(isWorkTree: true)))
        let gaps = GapList(readiness).byOwner.flatMap(\.gaps)
        let window = try #require(gaps.first { $0.kind == .missingWindow })
        #expect(window.detail == "no evidence in 2026-02–2026-04 (3 windows)")
        let uncovered = try #require(gaps.first { $0.kind == .uncoveredCriterion && $0.criterionID == "CC1.1" })
        #expect(uncovered.detail == "no control maps to it")
    }

    @Test func missingEvidenceIsOneGapNotAlsoATypeIIGap() {
        var map = ControlMap()
        map.controls = [ReadinessEngineTests.control("A", ["CC6.1"], evidence: ["e/*.csv"])]
        map.period = AuditPeriod(start: CalendarDay(iso: "2026-01-01")!, end: CalendarDay(iso: "2026-06-30")!)
        let readiness = ReadinessEngine(asOf: CalendarDay(iso: "2026-07-01")!)
            .evaluate(map, EvidenceInventory(files: [], git: GitContext(isWorkTree: true)))
        let kinds = GapList(readiness).gaps.filter { $0.controlID == "A" }.map(\.kind)
        #expect(kinds == [.missingEvidence])
        // The text report counts it the same way.
        let todo = ToDoList(readiness).sections.first { $0.title == "Fill Type II gaps" }
        #expect(todo?.items.isEmpty == true)
    }
}
