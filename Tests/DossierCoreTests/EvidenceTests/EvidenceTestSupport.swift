import DossierYAML

@testable import DossierCore

/// Builds tests from the YAML a control map would hold, and runs them on bytes in memory.
enum EvidenceTestHarness {
    /// Parses `- kind: options` lines; fails the calling test when the YAML does not give exactly the tests.
    static func tests(_ yaml: String) -> (tests: [EvidenceTest], diagnostics: [Diagnostic]) {
        let root = YAMLParser.parse(yaml).root!
        var reader = EvidenceTestReader(file: "controls.yaml")
        let tests = reader.read(root)
        return (tests, reader.diagnostics)
    }

    /// The outcome of each test on `content`, read as `format` in chunks of `chunk` bytes.
    static func run(
        _ yaml: String, on content: String, format: EvidenceFormat, date: CalendarDay? = CalendarDay(iso: "2026-06-30"),
        chunk: Int = 7, limits: EvidenceTestLimits = .default, references: [Int: TableTester.Reference] = [:]
    ) -> [TestOutcome] {
        run(
            yaml, bytes: Array(content.utf8), format: format, date: date, chunk: chunk, limits: limits,
            references: references)
    }

    static func run(
        _ yaml: String, bytes: [UInt8], format: EvidenceFormat, date: CalendarDay? = CalendarDay(iso: "2026-06-30"),
        chunk: Int = 7, limits: EvidenceTestLimits = .default, references: [Int: TableTester.Reference] = [:]
    ) -> [TestOutcome] {
        let parsed = tests(yaml)
        precondition(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let tester = EvidenceFileTester(
            format: format, tests: parsed.tests, check: ConditionCheck(evidenceDate: date), references: references,
            limits: limits)
        let offset = Box(0)
        return tester.run { buffer in
            let n = min(chunk, buffer.count, bytes.count - offset.value)
            for i in 0..<n { buffer[i] = bytes[offset.value + i] }
            offset.value += n
            return n
        }
    }

    /// One test's outcome.
    static func one(_ yaml: String, on content: String, format: EvidenceFormat = .csv) -> TestOutcome {
        run(yaml, on: content, format: format)[0]
    }

    /// Every record of a CSV text, as trimmed cells.
    static func records(_ content: String, limits: EvidenceTestLimits = .default, chunk: Int = 3) throws -> [[String]] {
        let bytes = Array(content.utf8)
        let offset = Box(0)
        var reader = CSVReader(delimiter: 44, limits: limits, chunkSize: chunk) { buffer in
            let n = min(buffer.count, bytes.count - offset.value)
            for i in 0..<n { buffer[i] = bytes[offset.value + i] }
            offset.value += n
            return n
        }
        var record = CSVRecord()
        var result: [[String]] = []
        while try reader.next(into: &record) { result.append((0..<record.count).map { record.cell($0)! }) }
        return result
    }
}
