import DossierCore

/// Writes a ``RequestList`` as `requests.yaml` (format 1) that ``RequestListLoader`` reads back unchanged:
/// every string a YAML scalar that reads back as the same text.
public enum RequestListWriter {
    public static func yaml(_ list: RequestList, source: String? = nil) -> String {
        var out = "# The auditor's request list"
        if let source { out += ", imported from \(source)" }
        out +=
            ".\n# Link each request to `controls:`, `evidence:` globs or a `note:`; `dossier check` shows its status.\n"
        out += "dossier: 1\n"
        if !list.columns.isEmpty { out += "columns: " + flow(list.columns) + "\n" }
        out += "requests:" + (list.requests.isEmpty ? " []\n" : "\n")
        for request in list.requests {
            out += "  - id: \(YAMLScalar.text(request.id))\n"
            if !request.description.isEmpty { out += "    description: \(YAMLScalar.text(request.description))\n" }
            if !request.criteria.isEmpty { out += "    criteria: \(flow(request.criteria))\n" }
            out += "    controls: \(flow(request.controls))\n"
            out += "    evidence: \(flow(request.evidence))\n"
            if let period = request.period { out += "    period: {start: \(period.start), end: \(period.end)}\n" }
            if let due = request.due { out += "    due: \(due)\n" }
            if let assignee = request.assignee { out += "    assignee: \(YAMLScalar.text(assignee))\n" }
            if let note = request.note { out += "    note: \(YAMLScalar.text(note))\n" }
            if !request.cells.isEmpty {
                out += "    cells:\n"
                for key in request.cells.keys.sorted() {
                    out += "      \(YAMLScalar.quoted(key)): \(YAMLScalar.text(request.cells[key]!))\n"
                }
            }
        }
        return out
    }

    private static func flow(_ items: [String]) -> String {
        "[" + items.map(YAMLScalar.quoted).joined(separator: ", ") + "]"
    }
}
