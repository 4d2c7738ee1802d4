import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct SampleDrawTests {
    static func population(items: Int, frequency: Frequency = .monthly) -> Population {
        let control = Control(
            id: "X-1", title: "X", owner: "o@x", frequency: frequency, criteria: ["CC6.1"], status: .implemented)
        let day = CalendarDay(iso: "2026-01-01")!
        let list = (0..<items).map { i in
            PopulationItem(
                requirement: 1, file: EvidenceFile(path: Array("e/\(i).csv".utf8)), date: day.adding(days: i),
                sha256: String(repeating: "ab", count: 32))
        }
        return Population(
            control: control, requirement: nil, unit: .files, first: day, last: day.adding(days: 365), asOf: day,
            commit: nil, items: list, frequency: frequency)
    }

    @Test func picksAreThoseWithTheSmallestDocumentedKeys() {
        let population = Self.population(items: 40)
        let draw = SampleDraw(population: population, seed: "auditor-2026", size: 7)
        // Re-derive with coreutils, as README tells an auditor to.
        let keys = (1...40).map { i in
            (i, FieldworkFixture.sha256sum("dossier-sample-v1:\(population.digest):auditor-2026:\(i)"))
        }
        let expected = keys.sorted { $0.1 < $1.1 }.prefix(7).map(\.0).sorted()
        #expect(draw.picks().map(\.item.number) == expected)
        #expect(draw.picks().map(\.key) == expected.map { n in keys.first { $0.0 == n }!.1 })
    }

    @Test func theSameSeedGivesTheSamePicksAndOtherSeedsSpreadThem() {
        let population = Self.population(items: 200)
        let first = SampleDraw(population: population, seed: "7", size: 25).picks().map(\.item.number)
        #expect(first == SampleDraw(population: population, seed: "7", size: 25).picks().map(\.item.number))
        #expect(Set(first).count == 25)
        // Over many seeds every item gets picked and none dominates: the draw is not biased to one end.
        var counts = [Int](repeating: 0, count: 200)
        for seed in 0..<400 {
            for pick in SampleDraw(population: population, seed: String(seed), size: 25).picks() {
                counts[pick.item.number - 1] += 1
            }
        }
        // Expected 50 per item; a uniform draw stays well inside 15...100.
        #expect(counts.allSatisfy { (15...100).contains($0) })
        #expect(counts[0..<100].reduce(0, +) > 4000 && counts[100..<200].reduce(0, +) > 4000)
    }

    @Test(arguments: [
        (Frequency.annual, 1), (.once, 1), (.semiannual, 2), (.quarterly, 2), (.monthly, 2), (.weekly, 5),
        (.daily, 25), (.continuous, 25),
    ])
    func sizeFollowsTheGuidanceByFrequency(_ frequency: Frequency, _ size: Int) {
        let draw = SampleDraw(population: Self.population(items: 100, frequency: frequency), seed: "s")
        #expect(draw.size == size)
        #expect(draw.picks().count == size)
    }

    @Test func sizeNeverExceedsThePopulation() {
        #expect(SampleDraw(population: Self.population(items: 3, frequency: .daily), seed: "s").size == 3)
        #expect(SampleDraw(population: Self.population(items: 3), seed: "s", size: 10).picks().count == 3)
        #expect(SampleDraw(population: Self.population(items: 0), seed: "s").picks().isEmpty)
    }
}
