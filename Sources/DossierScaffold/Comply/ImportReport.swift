import DossierCore

/// What `dossier import comply` could not carry over, and what the user must fill in, grouped by section.
public struct ImportReport: Sendable {
    public struct Section: Sendable {
        public var title: String
        public var items: [String]
    }

    /// The comply project's folder, as given.
    public var source: String
    public var organization: String
    /// Summary lines (counts of what was written).
    public var summary: [String] = []
    public var sections: [Section]

    init(source: String, organization: String) {
        self.source = source
        self.organization = organization
        sections = Self.order.map { Section(title: $0, items: []) }
    }

    /// Items over every section: the number the command prints.
    public var itemCount: Int { sections.reduce(0) { $0 + $1.items.count } }

    mutating func add(_ item: String, to title: String) {
        if let index = sections.firstIndex(where: { $0.title == title }) {
            sections[index].items.append(item)
        } else {
            sections.append(Section(title: title, items: [item]))
        }
    }

    public func items(in title: String) -> [String] { sections.first { $0.title == title }?.items ?? [] }

    /// The report as Markdown, for `IMPORT-REPORT.md` and the terminal.
    public var markdown: String {
        var out = "# Import report\n\n"
        out += "Imported the comply project `\(source)` (\(organization)) into a Dossier workspace.\n\n"
        for line in summary { out += "- \(line)\n" }
        if itemCount == 0 {
            out += "\nEverything was carried over.\n"
        }
        for section in sections where !section.items.isEmpty {
            out += "\n## \(section.title) (\(section.items.count))\n\n"
            for item in section.items { out += "- \(item)\n" }
        }
        return out
    }

    // Section titles, in the order they are shown.
    public static let fillIn = "To fill in"
    public static let criteria = "Criteria not carried over"
    public static let noControl = "Documents without a control"
    public static let notCarried = "Not carried over"
    public static let skippedFiles = "Files not imported"
    static let order = [fillIn, criteria, noControl, notCarried, skippedFiles]
}
