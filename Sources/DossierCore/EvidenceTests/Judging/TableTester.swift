/// Judges the CSV/TSV tests of one file as its records stream past: one ``observe(_:)`` per data record, in
/// memory that grows only with what `unique` and `covers` must remember (bounded by
/// ``EvidenceTestLimits/maxDistinctValues``).
struct TableTester {
    /// The values of the `from` file a `covers` test needs, or why they could not be read.
    struct Reference {
        var file: String
        var values: Result<[(value: String, line: Int)], TestOutcome>
    }

    private let tests: [EvidenceTest]
    private let check: ConditionCheck
    private let limits: EvidenceTestLimits
    private var references: [Int: Reference]
    private var logs: [FailureLog]
    /// Per test: the column index it reads, or nil when the header lacks it (the test has failed already).
    private var columns: [Int?] = []
    private var seen: [[String: Int]]
    private var shareYes: [Int]
    private var overflowed: [Bool]
    private(set) var rows = 0
    private var header: [String] = []

    init(
        tests: [EvidenceTest], check: ConditionCheck, references: [Int: Reference], limits: EvidenceTestLimits
    ) {
        self.tests = tests
        self.check = check
        self.references = references
        self.limits = limits
        logs = Array(repeating: FailureLog(), count: tests.count)
        seen = Array(repeating: [:], count: tests.count)
        shareYes = Array(repeating: 0, count: tests.count)
        overflowed = Array(repeating: false, count: tests.count)
    }

    /// Reads the header: names trimmed, columns looked up for every test.
    mutating func start(header record: CSVRecord?) {
        header = record.map { r in (0..<r.count).map { r.cell($0) ?? "" } } ?? []
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let known =
            header.isEmpty ? "the file has no header row" : "columns: " + header.prefix(12).joined(separator: ", ")
        for (t, test) in tests.enumerated() {
            var name: String?
            switch test.kind {
            case .columns(let wanted):
                for column in wanted where index[column] == nil {
                    logs[t].add(line: 1, "no column `\(column)` (\(known))")
                }
            case .every(.column(let c), _), .none(.column(let c), _), .share(.column(let c), _, _):
                name = c
            case .unique(let c), .covers(let c, _, _):
                name = c
            default:
                break
            }
            if let name, index[name] == nil {
                logs[t].add(line: 1, "no column `\(name)` (\(known))")
                columns.append(nil)
            } else {
                columns.append(name.flatMap { index[$0] })
            }
        }
    }

    mutating func observe(_ record: CSVRecord) {
        rows += 1
        for t in tests.indices {
            guard let column = columns[t] else { continue }
            let cell = record.cell(column)
            let line = record.line
            let name = header[column]
            switch tests[t].kind {
            case .every(_, let conditions):
                guard let cell else {
                    logs[t].add(line: line, path: name, "the row has no `\(name)` cell (\(record.count) cells)")
                    continue
                }
                switch check.check(conditions, cell: cell) {
                case .yes: break
                case .no(let why), .invalid(let why): logs[t].add(line: line, path: name, "\(name): \(why)")
                }
            case .none(_, let conditions):
                guard let cell else {
                    logs[t].add(line: line, path: name, "the row has no `\(name)` cell (\(record.count) cells)")
                    continue
                }
                switch check.check(conditions, cell: cell) {
                case .yes: logs[t].add(line: line, path: name, "\(name) is \(ConditionCheck.quote(cell))")
                case .no: break
                case .invalid(let why): logs[t].add(line: line, path: name, "\(name): \(why)")
                }
            case .share(_, let conditions, _):
                switch check.check(conditions, cell: cell ?? "") {
                case .yes: shareYes[t] += 1
                case .no(let why), .invalid(let why): logs[t].add(line: line, path: name, "\(name): \(why)")
                }
            case .unique:
                guard let cell, !cell.isEmpty, !overflowed[t] else { continue }
                if let first = seen[t][cell] {
                    logs[t].add(
                        line: line, path: name, "\(name) \(ConditionCheck.quote(cell)) repeats (first on line \(first))"
                    )
                } else if seen[t].count >= limits.maxDistinctValues {
                    overflowed[t] = true
                } else {
                    seen[t][cell] = line
                }
            case .covers:
                guard let cell, !cell.isEmpty, !overflowed[t] else { continue }
                if seen[t].count >= limits.maxDistinctValues {
                    overflowed[t] = true
                } else if seen[t][cell] == nil {
                    seen[t][cell] = line
                }
            default:
                break
            }
        }
    }

    /// The outcomes once the file has ended.
    mutating func finish() -> [TestOutcome] {
        for (t, test) in tests.enumerated() {
            if overflowed[t] {
                logs[t].add(
                    "the column holds more than \(limits.maxDistinctValues) distinct values (the distinct-values bound)"
                )
            }
            switch test.kind {
            case .rows(_, let min, let max):
                if let min, rows < min { logs[t].add("\(rows) data rows, fewer than \(min)") }
                if let max, rows > max { logs[t].add("\(rows) data rows, more than \(max)") }
            case .share(_, _, let min):
                guard columns[t] != nil else { continue }
                if rows == 0 {
                    logs[t].add("no data rows: a share of nothing fails (guard emptiness with `rows`)")
                } else if Double(shareYes[t]) / Double(rows) < min {
                    let share = (Double(shareYes[t]) * 1000 / Double(rows)).rounded() / 10
                    // The share itself fails; the rows listed after it are the ones that did not count, so the
                    // count is those rows plus the share line (every listed failure is counted).
                    logs[t].count += 1
                    logs[t].listed.insert(
                        TestFailure(
                            line: nil, path: nil,
                            message:
                                "\(shareYes[t]) of \(rows) rows (\(String(format: share))%) satisfy it, fewer than \(String(format: min * 100))%"
                        ),
                        at: 0)
                    if logs[t].listed.count > TestOutcome.maxListed { logs[t].listed.removeLast() }
                } else {
                    logs[t] = FailureLog()
                }
            case .covers(_, _, let columnThere):
                guard columns[t] != nil, let reference = references[t] else { continue }
                switch reference.values {
                case .failure(let outcome):
                    for f in outcome.failures { logs[t].add(line: nil, path: nil, "\(reference.file): \(f.message)") }
                case .success(let values):
                    for (value, line) in values where seen[t][value] == nil {
                        logs[t].add(
                            line: nil, path: nil,
                            "\(columnThere) \(ConditionCheck.quote(value)) on line \(line) of \(reference.file) is not in this file"
                        )
                    }
                }
            default:
                break
            }
        }
        return logs.map(\.outcome)
    }
}
