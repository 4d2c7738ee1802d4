import DossierYAML

/// One requirement's `tests:` (as YAML) judged on one file's bytes, outside the pipeline: the entry point of
/// the evidence-tests fuzz target (Fuzz/Targets), which checks what must hold for any tests and any file.
package enum EvidenceTestHarness {
    package struct Outcome {
        /// What reading `tests:` reported (positions are in the YAML given).
        package var diagnostics: [Diagnostic]
        /// The tests read, and each one's outcome on the file, in order.
        package var testCount: Int
        package var outcomes: [TestOutcome]
    }

    /// Bounds small enough that a fuzzer reaches them with inputs of a few KiB.
    package static let fuzzLimits: EvidenceTestLimits = {
        var limits = EvidenceTestLimits()
        limits.maxRecordBytes = 4096
        limits.maxCells = 2000
        limits.maxJSONBytes = 16384
        limits.maxYAMLBytes = 16384
        limits.maxDistinctValues = 64
        return limits
    }()

    /// Reads `tests` (a YAML list, as under `tests:` in controls.yaml), then runs them on `content` as a file
    /// of `format` dated `date`, handed over `chunk` bytes at a time.
    package static func run(
        tests yaml: [UInt8], format: EvidenceFormat, content: [UInt8], chunk: Int, date: CalendarDay?,
        limits: EvidenceTestLimits = fuzzLimits
    ) -> Outcome {
        let parsed = YAMLParser.parse(yaml)
        var reader = EvidenceTestReader(file: "tests.yaml")
        let tests = parsed.root.map { reader.read($0) } ?? []
        var offset = 0
        let step = max(1, chunk)
        let tester = EvidenceFileTester(
            format: format, tests: tests, check: ConditionCheck(evidenceDate: date), limits: limits)
        let outcomes = tester.run { buffer in
            let n = min(buffer.count, step, content.count - offset)
            guard n > 0 else { return 0 }
            content.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + n)]))
            }
            offset += n
            return n
        }
        return Outcome(diagnostics: reader.diagnostics, testCount: tests.count, outcomes: outcomes)
    }
}
