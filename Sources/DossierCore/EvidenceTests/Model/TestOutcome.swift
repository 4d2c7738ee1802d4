/// How one evidence file fared on one test: pass or fail, how many rows (or values) failed, and the first few.
///
/// `failureCount` is exact; `failures` holds at most ``maxListed``, in file order. A file-level problem (wrong
/// kind, a broken bound, a missing column) is one failure without a line.
public struct TestOutcome: Sendable, Hashable, Codable {
    public static let maxListed = 20

    public var passed: Bool
    public var failureCount: Int
    public var failures: [TestFailure]

    public init(passed: Bool, failureCount: Int = 0, failures: [TestFailure] = []) {
        self.passed = passed
        self.failureCount = failureCount
        self.failures = failures
    }

    public static let pass = TestOutcome(passed: true)

    /// A failure of the whole file, with no row to point at.
    public static func fail(_ message: String, line: Int? = nil) -> TestOutcome {
        TestOutcome(passed: false, failureCount: 1, failures: [TestFailure(line: line, path: nil, message: message)])
    }

    /// Whether this outcome could have been produced by a tester: what ``EvidenceTestCache`` checks before
    /// it believes a remembered entry.
    package var isConsistent: Bool {
        failures.count <= Self.maxListed && failures.count <= failureCount
            && (passed ? failureCount == 0 : failureCount > 0 && !failures.isEmpty)
            && failures.allSatisfy { ($0.line ?? 1) >= 1 }
    }
}

/// One failing row or value: the 1-based line where the CSV record or text line starts, or the JSON Pointer
/// of the value, and what is wrong with it (quoting the offending cell).
public struct TestFailure: Sendable, Hashable, Codable {
    public var line: Int?
    public var path: String?
    public var message: String

    public init(line: Int?, path: String?, message: String) {
        self.line = line
        self.path = path
        self.message = message
    }

    /// `line 12`, `/Buckets/3`, or nil.
    public var location: String? {
        if let line { return "line \(line)" }
        return path
    }
}

/// Collects the failures of one test as a file is read: counts all, keeps the first ``TestOutcome/maxListed``.
struct FailureLog {
    var count = 0
    var listed: [TestFailure] = []

    mutating func add(line: Int? = nil, path: String? = nil, _ message: @autoclosure () -> String) {
        count += 1
        if listed.count < TestOutcome.maxListed {
            listed.append(TestFailure(line: line, path: path, message: message()))
        }
    }

    var outcome: TestOutcome { TestOutcome(passed: count == 0, failureCount: count, failures: listed) }
}

/// A failing outcome travels as a `Result` failure when a file (or a `covers` reference) cannot be judged at all.
extension TestOutcome: Error {}
