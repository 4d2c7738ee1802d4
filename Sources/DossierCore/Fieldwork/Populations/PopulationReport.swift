import Foundation

/// A population (and a sample drawn from it) for people (text), spreadsheets (CSV) and programs (JSON).
public enum PopulationReport {
    // MARK: - Text

    public static func text(_ population: Population) -> String {
        var out = header(population)
        out += "items       \(population.items.count)\n\n"
        out += population.items.map(line).joined(separator: "\n")
        return out + (population.items.isEmpty ? "" : "\n")
    }

    public static func text(_ draw: SampleDraw) -> String {
        let population = draw.population
        var out = header(population)
        out += "items       \(population.items.count)\n"
        out += "seed        \(draw.seed)\n"
        let source =
            draw.requestedSize == nil
            ? "guidance by frequency, \(SampleSize.row(for: population))"
            : "--size \(draw.requestedSize!)"
        out +=
            "size        \(draw.size) (\(source)\(draw.size < (draw.requestedSize ?? SampleSize.guidance(for: population)) ? ", capped at the population" : ""))\n"
        out += "algorithm   \(SampleDraw.algorithm) (README: Populations and samples)\n\npicks\n"
        out += draw.picks().map { line($0.item) }.joined(separator: "\n")
        return out + (draw.size == 0 ? "" : "\n")
    }

    private static func header(_ p: Population) -> String {
        let requirement = p.requirement.map { ", evidence requirement \($0)" } ?? ""
        return """
            control     \(p.control.id) \(p.control.title)\(requirement)
            period      \(p.first) to \(p.last) (as of \(p.asOf))
            commit      \(p.commit ?? "none (not a git work tree)")
            unit        \(p.unit.rawValue)
            digest      sha256:\(p.digest)

            """
    }

    private static func line(_ item: PopulationItem) -> String {
        let place = item.line.map { "\(item.path):\($0)" } ?? item.path
        let commit = item.commit.map { String($0.prefix(12)) } ?? "-"
        return
            "\(String(item.number).leftPadded(4, with: " "))  \(item.date)  \(commit)  \(item.sha256.prefix(12))  \(place)"
    }

    // MARK: - CSV

    /// One row per item: number, requirement, file, line (rows), date, dated_by, commit, sha256, then for rows
    /// every column of the exports (the union of their headers, in first-seen order).
    public static func csv(_ population: Population, items: [PopulationItem]? = nil) -> [UInt8] {
        let items = items ?? population.items
        var columns: [String] = []
        if population.unit == .rows {
            var seen = Set<String>()
            for item in items {
                for cell in item.cells where seen.insert(cell.column).inserted { columns.append(cell.column) }
            }
        }
        var header = ["item", "requirement", "file"]
        if population.unit == .rows { header.append("line") }
        header += ["date", "dated_by", "commit", "sha256"] + columns
        var table = CSVTable(header: header)
        for item in items {
            var row = [String(item.number), String(item.requirement), item.path]
            if population.unit == .rows { row.append(item.line.map(String.init) ?? "") }
            row += [item.date.description, item.file.dateSource?.rawValue ?? "", item.commit ?? "", item.sha256]
            let values = Dictionary(item.cells.map { ($0.column, $0.value) }, uniquingKeysWith: { first, _ in first })
            row += columns.map { values[$0] ?? "" }
            table.append(row)
        }
        return table.bytes
    }

    // MARK: - JSON

    struct Document: Encodable {
        var control: String
        var title: String
        var requirement: Int?
        var unit: String
        var period: AuditPeriod
        var asOf: CalendarDay
        var commit: String?
        var digest: String
        var count: Int
        var frequency: String
        var items: [Item]?
        var sample: Sample?

        enum CodingKeys: String, CodingKey {
            case control, title, requirement, unit, period, commit, digest, count, frequency, items, sample
            case asOf = "as_of"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(control, forKey: .control)
            try c.encode(title, forKey: .title)
            try c.encode(requirement, forKey: .requirement)
            try c.encode(unit, forKey: .unit)
            try c.encode(period, forKey: .period)
            try c.encode(asOf, forKey: .asOf)
            try c.encode(commit, forKey: .commit)
            try c.encode(digest, forKey: .digest)
            try c.encode(count, forKey: .count)
            try c.encode(frequency, forKey: .frequency)
            try c.encodeIfPresent(items, forKey: .items)
            try c.encodeIfPresent(sample, forKey: .sample)
        }
    }

    struct Sample: Encodable {
        var algorithm: String
        var seed: String
        var size: Int
        var sizeSource: String
        var picks: [Item]
        enum CodingKeys: String, CodingKey {
            case algorithm, seed, size, picks
            case sizeSource = "size_source"
        }
    }

    struct Item: Encodable {
        var number: Int
        var requirement: Int
        var file: String
        var line: Int?
        var date: CalendarDay
        var datedBy: String?
        var commit: String?
        var sha256: String
        var key: String?
        var cells: [String: String]?

        enum CodingKeys: String, CodingKey {
            case number, requirement, file, line, date, commit, sha256, key, cells
            case datedBy = "dated_by"
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(number, forKey: .number)
            try c.encode(requirement, forKey: .requirement)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
            try c.encode(date, forKey: .date)
            try c.encode(datedBy, forKey: .datedBy)
            try c.encode(commit, forKey: .commit)
            try c.encode(sha256, forKey: .sha256)
            try c.encodeIfPresent(key, forKey: .key)
            try c.encodeIfPresent(cells, forKey: .cells)
        }
    }

    private static func item(_ i: PopulationItem, key: String? = nil) -> Item {
        Item(
            number: i.number, requirement: i.requirement, file: i.path, line: i.line, date: i.date,
            datedBy: i.file.dateSource?.rawValue, commit: i.commit, sha256: i.sha256, key: key,
            cells: i.line == nil
                ? nil : Dictionary(i.cells.map { ($0.column, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    private static func document(_ p: Population) -> Document {
        Document(
            control: p.control.id, title: p.control.title, requirement: p.requirement, unit: p.unit.rawValue,
            period: AuditPeriod(start: p.first, end: p.last), asOf: p.asOf, commit: p.commit, digest: p.digest,
            count: p.items.count, frequency: p.frequency.rawValue)
    }

    public static func json(_ population: Population) throws -> [UInt8] {
        var doc = document(population)
        doc.items = population.items.map { item($0) }
        return try encode(doc)
    }

    public static func json(_ draw: SampleDraw) throws -> [UInt8] {
        var doc = document(draw.population)
        doc.sample = Sample(
            algorithm: SampleDraw.algorithm, seed: draw.seed, size: draw.size,
            sizeSource: draw.requestedSize == nil
                ? "guidance: \(SampleSize.row(for: draw.population))" : "requested",
            picks: draw.picks().map { item($0.item, key: $0.key) })
        return try encode(doc)
    }

    private static func encode(_ doc: Document) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(doc)) + [10]
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int, with pad: Character) -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
