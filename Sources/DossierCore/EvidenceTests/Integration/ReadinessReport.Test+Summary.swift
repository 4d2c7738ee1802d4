extension ReadinessReport.Test {
    init(_ summary: TestSummary) {
        self.init(
            test: summary.test.definition, passed: summary.passed, filesFailed: summary.filesFailed,
            failureCount: summary.failureCount,
            failures: summary.failures.map {
                Failure(file: $0.file, line: $0.line, path: $0.path, message: $0.message)
            })
    }
}
