import DossierCore

/// Edits bracketed id references (`[AC-001]`, `[CC6.1]`) in Markdown that Dossier writes, so that a written
/// workspace never refers to a control it does not have: `check` reports such a reference as an error.
///
/// Fenced code blocks and inline code spans are left alone.
enum NarrativeReferences {
    /// The starter kit's narratives cite controls as `[ID]` at the end of a sentence and list them in table
    /// rows that start with `| [ID] |`. For controls left out of the workspace, the row goes and the citation
    /// (with the space before it) is removed.
    static func removing(_ dropped: Set<String>, from text: String) -> String {
        guard !dropped.isEmpty else { return text }
        var out: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("| ["), let close = line.firstIndex(of: "]"),
                dropped.contains(String(line[line.index(line.startIndex, offsetBy: 3)..<close]))
            {
                continue
            }
            var edited = String(line)
            for id in dropped where edited.contains("[\(id)]") {
                edited = edited.replacing(" [\(id)]", with: "").replacing("[\(id)]", with: "")
            }
            out.append(Substring(edited))
        }
        return out.joined(separator: "\n")
    }

    /// Escapes (`\[`) every bracketed text shaped like a control or criterion id that names neither a control
    /// in `controls` nor a criterion of the catalog, outside code. Returns the text and how many were escaped.
    static func escapingUnknown(in text: String, controls: Set<String>) -> (String, Int) {
        guard text.contains("[") else { return (text, 0) }
        var count = 0
        let escaped = MarkdownProse.mapLines(text) { line in
            guard line.contains("[") else { return String(line) }
            return MarkdownProse.mapOutsideCodeSpans(line) { segment in
                let (out, n) = escape(segment, controls: controls)
                count += n
                return out
            }
        }
        return (escaped, count)
    }

    private static func escape(_ prose: Substring, controls: Set<String>) -> (String, Int) {
        var out = ""
        var count = 0
        var rest = prose
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]") else {
                out += rest[open...]
                return (out, count)
            }
            let inner = String(after[..<close])
            let next = after[after.index(after: close)...].first
            let escapedAlready = out.hasSuffix("\\")
            var unknown = false
            if !escapedAlready && next != "(" && next != "[" && next != ":", let shape = NarrativeLinker.idShape(inner)
            {
                unknown = shape == .criterion ? SOC2Catalog.criterion(inner) == nil : !controls.contains(inner)
            }
            if unknown {
                out += "\\["
                count += 1
            } else {
                out += "["
            }
            rest = after
        }
        return (out + rest, count)
    }
}
