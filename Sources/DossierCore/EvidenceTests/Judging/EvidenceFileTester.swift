/// Runs every test that applies to one file in a single read: CSV/TSV records stream through a
/// ``TableTester``, JSON/YAML is read whole (up to its size bound) for a ``TreeTester``, and every chunk also
/// passes a ``TextScanner`` for `text` tests. A test of the wrong kind for the file fails with a message.
struct EvidenceFileTester {
    var format: EvidenceFormat
    var tests: [EvidenceTest]
    var check: ConditionCheck
    /// `covers` references, by index into `tests`.
    var references: [Int: TableTester.Reference] = [:]
    var limits = EvidenceTestLimits.default

    /// The outcome of each test, in order. `source` is read once, to its end or to the first broken bound.
    func run(_ source: @escaping CSVReader.Source) -> [TestOutcome] {
        var outcomes = [TestOutcome?](repeating: nil, count: tests.count)
        var table: [Int] = []
        var tree: [Int] = []
        var text: [Int] = []
        for (index, test) in tests.enumerated() {
            if case .text = test.kind {
                text.append(index)
            } else if test.wantsTable {
                if format.isTable { table.append(index) } else { outcomes[index] = wrongKind(test) }
            } else if format.isTree {
                tree.append(index)
            } else {
                outcomes[index] = wrongKind(test)
            }
        }
        let scanner = Box(TextScanner(tests: text.map { tests[$0] }, limits: limits))
        let teed: CSVReader.Source = { buffer in
            let n = try source(buffer)
            scanner.value.feed(UnsafeRawBufferPointer(rebasing: buffer[..<n]))
            return n
        }
        do {
            if !table.isEmpty {
                let results = runTable(table.map { tests[$0] }, references: table, teed)
                for (i, index) in table.enumerated() { outcomes[index] = results[i] }
            } else if !tree.isEmpty {
                let results = try runTree(tree.map { tests[$0] }, teed)
                for (i, index) in tree.enumerated() { outcomes[index] = results[i] }
            } else if !text.isEmpty {
                try drain(teed)
            }
        } catch {
            let failure = TestOutcome.fail("the file cannot be read: \(error)")
            for index in outcomes.indices where outcomes[index] == nil { outcomes[index] = failure }
        }
        if !text.isEmpty {
            let results = scanner.value.finish()
            for (i, index) in text.enumerated() where outcomes[index] == nil { outcomes[index] = results[i] }
        }
        return outcomes.map { $0 ?? .fail("not judged") }
    }

    private func wrongKind(_ test: EvidenceTest) -> TestOutcome {
        let wants = test.wantsTable ? "CSV or TSV" : "JSON or YAML"
        return .fail(
            "`\(test.name)` reads \(wants), but this file is \(format.rawValue.uppercased()) (set `format:` on the requirement if the extension misleads)"
        )
    }

    private func runTable(_ tests: [EvidenceTest], references indices: [Int], _ source: @escaping CSVReader.Source)
        -> [TestOutcome]
    {
        var refs: [Int: TableTester.Reference] = [:]
        for (i, index) in indices.enumerated() { refs[i] = references[index] }
        var tester = TableTester(tests: tests, check: check, references: refs, limits: limits)
        var reader = CSVReader(delimiter: format == .tsv ? 9 : 44, limits: limits, source: source)
        var record = CSVRecord()
        do {
            tester.start(header: try reader.next(into: &record) ? record : nil)
            while try reader.next(into: &record) { tester.observe(record) }
        } catch let problem as CSVProblem {
            return tests.map { _ in .fail(problem.description, line: problem.line) }
        } catch {
            return tests.map { _ in .fail("the file cannot be read: \(error)") }
        }
        return tester.finish()
    }

    private func runTree(_ tests: [EvidenceTest], _ source: @escaping CSVReader.Source) throws -> [TestOutcome] {
        let bound = format == .json ? limits.maxJSONBytes : limits.maxYAMLBytes
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBytes { try source($0) }
            if n == 0 { break }
            bytes += chunk[..<n]
            if bytes.count > bound {
                let failure = TestOutcome.fail(
                    "the file is larger than \(bound >> 20) MiB, the size bound for \(format.rawValue.uppercased()) evidence (it is parsed whole); export it in parts or as CSV"
                )
                try drain(source)  // text tests still see the whole file
                return tests.map { _ in failure }
            }
        }
        switch TreeTester.parse(bytes, format: format) {
        case .failure(let outcome): return tests.map { _ in outcome }
        case .success(let root):
            let tester = TreeTester(check: check)
            return tests.map { tester.run($0, on: root) }
        }
    }

    private func drain(_ source: CSVReader.Source) throws {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while try chunk.withUnsafeMutableBytes({ try source($0) }) > 0 {}
    }
}

/// A mutable value shared with a closure that runs while its owner is still working.
final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}
