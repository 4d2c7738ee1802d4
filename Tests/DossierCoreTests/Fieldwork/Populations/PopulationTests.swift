import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct PopulationTests {
    @Test func filesAreEveryUsableFileDatedInThePeriodInCanonicalOrder() throws {
        let repo = FieldworkFixture.make()
        let population = try PopulationBuilder(assessment: FieldworkFixture.assessment(repo)).build(control: "CHG-001")
        // December is before the period, July after it and after the as-of day, May never committed.
        #expect(
            population.items.map(\.path) == [
                "evidence/prs-2026-01.csv", "evidence/policy.png", "evidence/prs-2026-02.csv",
                "evidence/prs-2026-06.csv",
            ])
        #expect(population.items.map(\.number) == [1, 2, 3, 4])
        #expect(population.items.map(\.requirement) == [1, 2, 1, 1])
        #expect(population.items.map(\.date.description) == ["2026-01-31", "2026-02-02", "2026-02-28", "2026-06-30"])
        let head = repo.git("rev-parse", "HEAD").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(population.commit == head)
        for item in population.items {
            let bytes = try String(contentsOfFile: repo.path + "/" + item.path, encoding: .utf8)
            #expect(item.sha256 == FieldworkFixture.sha256sum(bytes))
            #expect(item.commit?.count == 40)
        }
        #expect(population.first.description == "2026-01-01" && population.last.description == "2026-06-30")
        #expect(population.frequency == .continuous)
    }

    @Test func theDigestIsTheSHA256OfTheDocumentedLines() throws {
        let repo = FieldworkFixture.make()
        let population = try PopulationBuilder(assessment: FieldworkFixture.assessment(repo)).build(control: "CHG-001")
        let lines = population.items.map { "\($0.sha256) \($0.date) \($0.path)\n" }.joined()
        #expect(population.digest == FieldworkFixture.sha256sum(lines))
    }

    @Test func rowsAreEveryDataRowWithTheLineItStartsOn() throws {
        let repo = FieldworkFixture.make()
        let population = try PopulationBuilder(assessment: FieldworkFixture.assessment(repo))
            .build(control: "CHG-001", requirement: 1, unit: .rows)
        let places = population.items.map { "\($0.path):\($0.line!)" }
        #expect(
            places == [
                "evidence/prs-2026-01.csv:2", "evidence/prs-2026-01.csv:4", "evidence/prs-2026-02.csv:2",
                "evidence/prs-2026-02.csv:3", "evidence/prs-2026-02.csv:4", "evidence/prs-2026-06.csv:2",
            ])
        #expect(population.items[0].cells.map(\.value) == ["10", "bob", "two\nlines"])
        #expect(population.items[2].cells.map(\.column) == ["pr", "author"])
        let lines = population.items.map { "\($0.sha256) \($0.date) \($0.path):\($0.line!)\n" }.joined()
        #expect(population.digest == FieldworkFixture.sha256sum(lines))
        // Without --requirement the screenshot is skipped, not an error: the CSV exports still have rows.
        let all = try PopulationBuilder(assessment: FieldworkFixture.assessment(repo))
            .build(control: "CHG-001", unit: .rows)
        #expect(all.items.count == 6)
    }

    @Test func theAsOfDayCutsThePeriod() throws {
        let repo = FieldworkFixture.make()
        let population = try PopulationBuilder(assessment: FieldworkFixture.assessment(repo, asOf: "2026-02-15"))
            .build(control: "CHG-001")
        #expect(population.items.map(\.path) == ["evidence/prs-2026-01.csv", "evidence/policy.png"])
        #expect(population.last.description == "2026-02-15")
    }

    @Test func mistakesAreNamedErrors() throws {
        let repo = FieldworkFixture.make()
        let builder = PopulationBuilder(assessment: FieldworkFixture.assessment(repo))
        #expect(throws: PopulationError.unknownControl("CHG-01", suggestion: "CHG-001")) {
            try builder.build(control: "CHG-01")
        }
        #expect(throws: PopulationError.noSuchRequirement(control: "CHG-001", index: 3, count: 2)) {
            try builder.build(control: "CHG-001", requirement: 3)
        }
        #expect(throws: PopulationError.notTabular(control: "AC-001")) {
            try builder.build(control: "AC-001", unit: .rows)
        }
        #expect(
            throws: PopulationError.periodNotStarted(
                CalendarDay(iso: "2026-01-01")!, asOf: CalendarDay(iso: "2025-12-31")!)
        ) {
            try PopulationBuilder(assessment: FieldworkFixture.assessment(repo, asOf: "2025-12-31")).build(
                control: "CHG-001")
        }
        repo.write(
            "controls.yaml",
            FieldworkFixture.controls.replacingOccurrences(
                of: "period: {start: 2026-01-01, end: 2026-06-30}\n", with: "")
        )
        .commit("no period", date: "2026-07-01")
        #expect(throws: PopulationError.noPeriod) {
            try PopulationBuilder(assessment: FieldworkFixture.assessment(repo)).build(control: "CHG-001")
        }
    }
}
