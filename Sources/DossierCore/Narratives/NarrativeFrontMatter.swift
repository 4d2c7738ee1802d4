import DossierYAML

/// Optional YAML front matter of a narrative, between `---` lines at the top of the file.
///
/// ```yaml
/// ---
/// title: Access control
/// owner: security@acme.example
/// last_reviewed: 2026-01-15
/// approved_by: CTO
/// version: "2.1"
/// status: approved
/// summary: How people get, change and lose access to production.
/// ---
/// ```
/// Every key is optional; an unknown key is an error so that a typo (`last_reveiwed`) is not silently lost.
public struct NarrativeFrontMatter: Sendable, Hashable {
    public static let keys = ["title", "owner", "last_reviewed", "approved_by", "version", "status", "summary"]

    public var title: String?
    public var owner: String?
    public var lastReviewed: CalendarDay?
    public var approvedBy: String?
    public var version: String?
    public var status: String?
    public var summary: String?

    public init() {}

    /// Reads the front matter text of `file`; `firstLine` is the file line where the YAML starts.
    public static func parse(_ text: String, file: String, firstLine: Int) -> (NarrativeFrontMatter, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let shift = firstLine - 1
        let parsed = YAMLParser.parse(text)
        for problem in parsed.problems {
            diagnostics.append(
                Diagnostic(
                    .error, DiagnosticCode(problem.kind), "front matter: \(problem.message)", file: file,
                    line: problem.mark.line + shift,
                    column: problem.mark.column, hint: problem.hint ?? "front matter is YAML between two `---` lines"))
        }
        var result = NarrativeFrontMatter()
        guard let root = parsed.root, !root.isNull else { return (result, diagnostics) }
        var found: [Diagnostic] = []
        if var reader = MappingReader(root, context: "the front matter", file: file, diagnostics: &found) {
            result.title = reader.string("title", required: false)
            result.owner = reader.string("owner", required: false)
            result.lastReviewed = reader.day("last_reviewed")?.0
            result.approvedBy = reader.string("approved_by", required: false)
            result.version = reader.string("version", required: false)
            result.status = reader.string("status", required: false)
            result.summary = reader.string("summary", required: false)
            reader.finish(allowed: keys)
            found += reader.diagnostics
        }
        diagnostics += found.map { d in
            var d = d
            d.line = d.line.map { $0 + shift }
            return d
        }
        return (result, diagnostics)
    }
}
