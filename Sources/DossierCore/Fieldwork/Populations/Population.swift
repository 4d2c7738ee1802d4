/// The complete population of one control over the audit period: what an auditor samples from.
///
/// Items are in canonical order (evidence date, then path bytes, then line) and numbered from 1; the
/// ``digest`` is the SHA-256 of ``canonicalText``, so an auditor who has the listing can recompute it, and a
/// sample drawn from it (``SampleDraw``) names the digest it was drawn from.
public struct Population: Sendable {
    /// Whether each item is an evidence file or a data row of a CSV/TSV export.
    public enum Unit: String, Sendable, Codable {
        case files, rows
    }

    public var control: Control
    /// 1-based index of the evidence requirement, or nil for all of the control's requirements.
    public var requirement: Int?
    public var unit: Unit
    /// The days the population covers: the audit period, cut at the as-of day.
    public var first: CalendarDay
    public var last: CalendarDay
    public var asOf: CalendarDay
    /// The commit the workspace was read at (nil outside git).
    public var commit: String?
    /// In canonical order, numbered from 1.
    public let items: [PopulationItem]
    /// The frequency that sets the default sample size: the requirement's, else the control's.
    public var frequency: Frequency

    public init(
        control: Control, requirement: Int?, unit: Unit, first: CalendarDay, last: CalendarDay, asOf: CalendarDay,
        commit: String?, items: [PopulationItem], frequency: Frequency
    ) {
        self.control = control
        self.requirement = requirement
        self.unit = unit
        self.first = first
        self.last = last
        self.asOf = asOf
        self.commit = commit
        // The builder hands items over in canonical order (files by date and path, rows by line): sorting
        // 100,000 rows again only costs time.
        let ordered = zip(items, items.dropFirst()).allSatisfy { !PopulationItem.canonicalOrder($1, $0) }
        var sorted = ordered ? items : items.sorted(by: PopulationItem.canonicalOrder)
        for index in sorted.indices { sorted[index].number = index + 1 }
        self.items = sorted
        self.frequency = frequency
        digest = EvidenceDigest.sha256(Array(Self.canonicalText(sorted, unit).utf8))
    }

    /// One line per item, `<sha256> <date> <path>` (files) or `<sha256> <date> <path>:<line>` (rows), each
    /// ending in LF, in item order: the text whose SHA-256 is ``digest`` (README, "Populations and samples").
    public var canonicalText: String { Self.canonicalText(items, unit) }

    /// Lowercase hex SHA-256 of ``canonicalText``, computed once.
    public let digest: String

    static func canonicalText(_ items: [PopulationItem], _ unit: Unit) -> String {
        var text = ""
        for item in items {
            text += item.canonicalLine(unit)
            text += "\n"
        }
        return text
    }
}
