/// Every test outcome of a run, by file path bytes and then by test definition: what ``ReadinessEngine``
/// judges requirements with. A file matched by several requirements was read once for all their tests.
public struct EvidenceTestResults: Sendable {
    public var byFile: [[UInt8]: [String: TestOutcome]] = [:]
    /// Files whose outcomes came from ``EvidenceTestCache`` rather than a read (for tests of the cache).
    public var remembered = 0
    /// Files read this run.
    public var read = 0

    public init() {}

    /// The outcome of `test` on `file`; nil when the file was not tested (not usable, or no tests apply).
    public func outcome(_ test: EvidenceTest, on file: EvidenceFile) -> TestOutcome? {
        byFile[file.path]?[test.definition]
    }

    /// Whether `file` passes every one of `tests` (a file never tested does not pass).
    public func passes(_ file: EvidenceFile, _ tests: [EvidenceTest]) -> Bool {
        tests.allSatisfy { outcome($0, on: file)?.passed == true }
    }
}
