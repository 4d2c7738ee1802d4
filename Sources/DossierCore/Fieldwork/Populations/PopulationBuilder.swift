import DossierGit

/// Lists a control's population from an assessment: every usable evidence file dated inside the audit period
/// (cut at the as-of day), or with ``Population/Unit/rows`` every data row of those files that are CSV/TSV.
public struct PopulationBuilder {
    public var assessment: Assessment
    public var limits = EvidenceTestLimits.default

    public init(assessment: Assessment) {
        self.assessment = assessment
    }

    public func build(control id: String, requirement: Int? = nil, unit: Population.Unit = .files)
        throws(PopulationError) -> Population
    {
        let readiness = assessment.readiness
        guard let result = readiness.control(id) else {
            let ids = readiness.controls.map(\.control.id)
            let sameLetters = ids.first { $0.lowercased() == id.lowercased() }
            throw .unknownControl(id, suggestion: sameLetters ?? NearestName.to(id, in: ids))
        }
        let count = result.requirements.count
        if let requirement, !(1...max(count, 1)).contains(requirement) || count == 0 {
            throw .noSuchRequirement(control: id, index: requirement, count: count)
        }
        guard let period = assessment.controlMap.period else { throw .noPeriod }
        guard period.start <= readiness.asOf else { throw .periodNotStarted(period.start, asOf: readiness.asOf) }
        let last = min(period.end, readiness.asOf)
        let chosen = requirement.map { [$0] } ?? Array(1...max(count, 1)).filter { $0 <= count }

        var seen = Set<[UInt8]>()
        var files: [(requirement: Int, file: EvidenceFile, date: CalendarDay)] = []
        for index in chosen {
            for file in result.requirements[index - 1].files {
                guard let date = file.date, period.start <= date, date <= last, !seen.contains(file.path) else {
                    continue
                }
                seen.insert(file.path)
                files.append((index, file, date))
            }
        }
        // Canonical order up front, so the rows of each file follow in line order and need no sort.
        files.sort { a, b in a.date != b.date ? a.date < b.date : a.file.path.lexicographicallyPrecedes(b.file.path) }
        let digests = EvidenceDigest.digests(
            of: EvidenceInventory(files: files.map(\.file), git: readiness.inventory.git),
            files: assessment.workspace.files)

        var items: [PopulationItem] = []
        for entry in files {
            guard let sha256 = digests[entry.file.path] else {
                throw .unreadable(path: entry.file.displayPath, reason: "it is not a regular file")
            }
            let item = PopulationItem(
                requirement: entry.requirement, file: entry.file, date: entry.date, sha256: sha256)
            switch unit {
            case .files:
                items.append(item)
            case .rows:
                let format =
                    result.requirements[entry.requirement - 1].requirement.format
                    ?? EvidenceFormat.of(path: entry.file.path)
                guard format.isTable else { continue }
                items += try rows(of: item, delimiter: format == .tsv ? 9 : 44)
            }
        }
        if unit == .rows && !files.isEmpty
            && !files.contains(where: { entry in
                let format =
                    result.requirements[entry.requirement - 1].requirement.format
                    ?? EvidenceFormat.of(path: entry.file.path)
                return format.isTable
            })
        {
            throw .notTabular(control: id)
        }
        let frequency = requirement.map { result.requirements[$0 - 1].frequency } ?? result.control.frequency
        return Population(
            control: result.control, requirement: requirement, unit: unit, first: period.start, last: last,
            asOf: readiness.asOf, commit: readiness.inventory.git.head, items: items, frequency: frequency)
    }

    /// Every data row of a CSV/TSV file (the first record is the header), each with its line and cells.
    private func rows(of item: PopulationItem, delimiter: UInt8) throws(PopulationError) -> [PopulationItem] {
        let path = item.file.displayPath
        let opened: SafeFile
        do {
            opened = try assessment.workspace.files.open(item.file.path)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        var reader = CSVReader(delimiter: delimiter, limits: limits) { try opened.read(into: $0) }
        var record = CSVRecord()
        var result: [PopulationItem] = []
        do {
            guard try reader.next(into: &record) else { return [] }
            let header = (0..<record.count).map { record.cell($0) ?? "" }
            while try reader.next(into: &record) {
                var row = item
                row.line = record.line
                row.cells = header.enumerated().map { ($0.element, record.cell($0.offset) ?? "") }
                result.append(row)
            }
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        return result
    }
}
