import DossierGit
import Foundation

/// The pipeline step that judges evidence contents: every usable file a requirement with `tests:` matches is
/// read once (for all the tests of all the requirements that match it), or its outcomes are taken from
/// ``EvidenceTestCache`` when git says its committed bytes are unchanged.
public struct EvidenceTestRunner: Sendable {
    /// The workspace's files: evidence is opened through them like every other read.
    public var files: WorkspaceFiles
    public var useCache: Bool
    public var limits: EvidenceTestLimits

    public init(files: WorkspaceFiles, useCache: Bool = true, limits: EvidenceTestLimits = .default) {
        self.files = files
        self.useCache = useCache
        self.limits = limits
    }

    /// One file to judge: its tests (deduplicated by definition) and how to read it.
    struct Job {
        var index: Int
        var format: EvidenceFormat
        var tests: [EvidenceTest] = []
    }

    /// `also`: requirements outside the control map whose tests run too (the registers' acknowledgements).
    public func run(
        _ map: ControlMap, _ inventory: EvidenceInventory, also: [EvidenceRequirement] = []
    ) -> EvidenceTestResults {
        var jobs: [Int: Job] = [:]
        var order: [Int] = []
        for requirement in map.controls.flatMap(\.evidence) + also where !requirement.tests.isEmpty {
            for index in inventory.indices(matching: Glob(requirement.path)) where inventory.files[index].isUsable {
                let format = requirement.format ?? EvidenceFormat.of(path: inventory.files[index].path)
                if jobs[index] == nil {
                    jobs[index] = Job(index: index, format: format)
                    order.append(index)
                }
                for test in requirement.tests
                where !jobs[index]!.tests.contains(where: { $0.definition == test.definition }) {
                    jobs[index]!.tests.append(test)
                }
            }
        }
        var results = EvidenceTestResults()
        guard !order.isEmpty else { return results }
        let gitDirectory = useCache ? inventory.git.gitDirectory : nil
        var cache = gitDirectory.map { EvidenceTestCache.load(gitDirectory: $0) } ?? EvidenceTestCache()
        var used = Set<String>()
        var referenceValues: [String: TableTester.Reference] = [:]
        for index in order.sorted() {
            let job = jobs[index]!
            let file = inventory.files[index]
            var references: [Int: TableTester.Reference] = [:]
            var referenceBlobs: [String] = []
            for (t, test) in job.tests.enumerated() {
                guard case .covers(_, let from, let columnThere) = test.kind else { continue }
                let reference = newest(matching: from, onOrBefore: file.date, in: inventory)
                referenceBlobs.append(
                    reference.map {
                        "\(EvidenceDigest.cacheableBlob(inventory.files[$0]) ?? "?") \(inventory.files[$0].size)"
                    }
                        ?? "-")
                guard let reference else {
                    references[t] = TableTester.Reference(
                        file: from,
                        values: .failure(.fail("no usable file matches `\(from)` dated on or before this file")))
                    continue
                }
                let memo = "\(reference)\u{0}\(columnThere)"
                if referenceValues[memo] == nil {
                    referenceValues[memo] = values(of: inventory.files[reference], column: columnThere)
                }
                references[t] = referenceValues[memo]
            }
            var key: String?
            if let blob = EvidenceDigest.cacheableBlob(file), !referenceBlobs.contains(where: { $0.hasPrefix("?") }) {
                key = EvidenceTestCache.key(
                    blob: blob, size: file.size, format: job.format, date: file.date,
                    definitions: job.tests.map(\.definition), references: referenceBlobs, limits: limits)
            }
            let outcomes: [TestOutcome]
            if let key, let remembered = cache[key], remembered.count == job.tests.count {
                outcomes = remembered
                results.remembered += 1
            } else {
                outcomes = judge(file, job, references)
                results.read += 1
            }
            if let key {
                used.insert(key)
                cache.learn(key, outcomes)
            }
            results.byFile[file.path] = Dictionary(
                zip(job.tests.map(\.definition), outcomes).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        }
        if let gitDirectory, cache.changed { cache.save(gitDirectory: gitDirectory, used: used) }
        return results
    }

    private func judge(_ file: EvidenceFile, _ job: Job, _ references: [Int: TableTester.Reference]) -> [TestOutcome] {
        let opened: SafeFile
        do {
            opened = try files.open(file.path)
        } catch {
            return job.tests.map { _ in .fail("the file \(error)") }
        }
        let tester = EvidenceFileTester(
            format: job.format, tests: job.tests, check: ConditionCheck(evidenceDate: file.date),
            references: references, limits: limits)
        return tester.run { buffer in try opened.read(into: buffer) }
    }

    /// The newest usable file matching `glob` whose date is on or before `day` (any date when `day` is nil).
    func newest(matching glob: String, onOrBefore day: CalendarDay?, in inventory: EvidenceInventory) -> Int? {
        inventory.indices(matching: Glob(glob))
            .filter { inventory.files[$0].isUsable && inventory.files[$0].date != nil }
            .filter { day == nil || inventory.files[$0].date! <= day! }
            .max { (inventory.files[$0].date!, $0) < (inventory.files[$1].date!, $1) }
    }

    /// The non-empty values of `column` in a reference CSV/TSV file, with their lines, streamed and bounded.
    func values(of file: EvidenceFile, column: String) -> TableTester.Reference {
        let shown = file.displayPath
        let opened: SafeFile
        do {
            opened = try files.open(file.path)
        } catch {
            return TableTester.Reference(file: shown, values: .failure(.fail("the file \(error)")))
        }
        let format = EvidenceFormat.of(path: file.path)
        var reader = CSVReader(delimiter: format == .tsv ? 9 : 44, limits: limits) { try opened.read(into: $0) }
        var record = CSVRecord()
        var result: [(value: String, line: Int)] = []
        do {
            guard try reader.next(into: &record) else {
                return TableTester.Reference(file: shown, values: .failure(.fail("the file is empty")))
            }
            guard let index = (0..<record.count).first(where: { record.cell($0) == column }) else {
                return TableTester.Reference(file: shown, values: .failure(.fail("no column `\(column)`")))
            }
            while try reader.next(into: &record) {
                guard let value = record.cell(index), !value.isEmpty else { continue }
                guard result.count < limits.maxDistinctValues else {
                    return TableTester.Reference(
                        file: shown,
                        values: .failure(
                            .fail("more than \(limits.maxDistinctValues) values (the distinct-values bound)")))
                }
                result.append((value, record.line))
            }
        } catch {
            return TableTester.Reference(file: shown, values: .failure(.fail("\(error)")))
        }
        return TableTester.Reference(file: shown, values: .success(result))
    }
}
