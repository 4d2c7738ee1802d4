extension ReadinessEngine {
    /// Applies a requirement's test outcomes to its judgement: a failing newest file makes it `failing`
    /// (missing still outranks it), and a Type II window that ended before the as-of day with files, none
    /// passing every test, is a failing window.
    func judgeTests(_ result: inout RequirementResult, _ map: ControlMap, _ outcomes: EvidenceTestResults) {
        let tests = result.requirement.tests
        guard let newest = result.files.first else { return }
        var judged = [newest]
        if let period = map.period {
            for file in result.files.dropFirst() {
                if let date = file.date, period.start <= date, date <= period.end, date <= asOf { judged.append(file) }
            }
        }
        result.judged = judged.map { file in (file, tests.map { outcomes.outcome($0, on: file) }) }
        if result.state != .missing && !outcomes.passes(newest, tests) { result.state = .failing }
        for (window, count) in result.windows where count > 0 && window.last < asOf {
            let inside = result.files.filter { $0.date.map(window.contains) == true }
            if !inside.contains(where: { outcomes.passes($0, tests) }) { result.failingWindows.append(window) }
        }
        result.tests = tests.enumerated().map { index, test in
            var summary = TestSummary(test: test)
            for (file, fileOutcomes) in result.judged {
                let outcome = fileOutcomes[index] ?? .fail("the file was not tested")
                guard !outcome.passed else { continue }
                summary.filesFailed += 1
                summary.failureCount += outcome.failureCount
                for failure in outcome.failures where summary.failures.count < TestOutcome.maxListed {
                    summary.failures.append(
                        TestSummary.Failure(
                            file: file.displayPath, line: failure.line, path: failure.path, message: failure.message))
                }
            }
            return summary
        }
    }
}

/// One test of a requirement over all the files it was judged on: passed when no file failed it.
public struct TestSummary: Sendable {
    public struct Failure: Sendable, Hashable {
        public var file: String
        public var line: Int?
        public var path: String?
        public var message: String
    }

    public var test: EvidenceTest
    public var filesFailed = 0
    /// Failing rows or values over all files, exact.
    public var failureCount = 0
    /// The first ``TestOutcome/maxListed`` failures, newest file first.
    public var failures: [Failure] = []

    public var passed: Bool { filesFailed == 0 }
}
