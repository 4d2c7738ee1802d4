/// One member of a population: an evidence file, or one data row of a CSV/TSV evidence file.
public struct PopulationItem: Sendable, Hashable {
    /// 1-based position in the population's canonical order (set by ``Population``).
    public var number = 0
    /// 1-based index of the evidence requirement the file matched.
    public var requirement: Int
    public var file: EvidenceFile
    public var date: CalendarDay
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    /// For rows: the 1-based line where the record starts in the file.
    public var line: Int?
    /// For rows: the row's cells by header name, in the file's column order.
    public var cells: [(column: String, value: String)] = []

    public init(requirement: Int, file: EvidenceFile, date: CalendarDay, sha256: String, line: Int? = nil) {
        self.requirement = requirement
        self.file = file
        self.date = date
        self.sha256 = sha256
        self.line = line
    }

    public var path: String { file.displayPath }
    public var commit: String? { file.commit?.hash }

    func canonicalLine(_ unit: Population.Unit) -> String {
        let place = unit == .rows ? "\(path):\(line ?? 0)" : path
        return "\(sha256) \(date) \(place)"
    }

    static func canonicalOrder(_ a: PopulationItem, _ b: PopulationItem) -> Bool {
        if a.date != b.date { return a.date < b.date }
        if a.file.path != b.file.path { return a.file.path.lexicographicallyPrecedes(b.file.path) }
        return (a.line ?? 0) < (b.line ?? 0)
    }

    public static func == (a: PopulationItem, b: PopulationItem) -> Bool {
        a.number == b.number && a.requirement == b.requirement && a.file == b.file && a.line == b.line
            && a.sha256 == b.sha256
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file.path)
        hasher.combine(line)
    }
}
