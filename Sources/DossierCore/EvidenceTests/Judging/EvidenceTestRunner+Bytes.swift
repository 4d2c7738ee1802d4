/// Judging bytes that are not a workspace file yet: what `dossier collect` does with a command's output before
/// it decides to write it.
extension EvidenceTestRunner {
    /// The outcome of each of `requirement`'s tests on `bytes`, as if they were a file at `path` dated `date`.
    /// `covers` references are looked up in `inventory` (the newest usable file on or before `date`).
    package func judge(
        bytes: [UInt8], path: String, requirement: EvidenceRequirement, date: CalendarDay,
        inventory: EvidenceInventory
    ) -> [(test: EvidenceTest, outcome: TestOutcome)] {
        guard !requirement.tests.isEmpty else { return [] }
        var references: [Int: TableTester.Reference] = [:]
        for (t, test) in requirement.tests.enumerated() {
            guard case .covers(_, let from, let columnThere) = test.kind else { continue }
            if let reference = newest(matching: from, onOrBefore: date, in: inventory) {
                references[t] = values(of: inventory.files[reference], column: columnThere)
            } else {
                references[t] = TableTester.Reference(
                    file: from, values: .failure(.fail("no usable file matches `\(from)` dated on or before this file"))
                )
            }
        }
        let tester = EvidenceFileTester(
            format: requirement.format ?? EvidenceFormat.of(path: Array(path.utf8)), tests: requirement.tests,
            check: ConditionCheck(evidenceDate: date), references: references, limits: limits)
        let offset = Box(0)
        let outcomes = tester.run { buffer in
            let n = min(buffer.count, bytes.count - offset.value)
            bytes.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset.value..<offset.value + n]))
            }
            offset.value += n
            return n
        }
        return Array(zip(requirement.tests, outcomes))
    }
}
