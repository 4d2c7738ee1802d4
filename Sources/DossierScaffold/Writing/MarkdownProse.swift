import DossierCore

/// Rewrites the prose of a Markdown text line by line, leaving fenced code blocks and code spans alone: the
/// shared walk of `import comply`'s link rewriting and its escaping of unknown ids.
enum MarkdownProse {
    /// `line` is called for every line outside fenced code; it returns the replacement, or nil to drop the line.
    static func mapLines(_ text: String, _ line: (Substring) -> String?) -> String {
        var inFence = false
        var lines: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = raw.drop(while: { $0 == " " })
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                lines.append(String(raw))
            } else if inFence {
                lines.append(String(raw))
            } else if let replaced = line(raw) {
                lines.append(replaced)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Applies `prose` to the parts of `line` outside backtick code spans.
    static func mapOutsideCodeSpans(_ line: Substring, _ prose: (Substring) -> String) -> String {
        line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset % 2 == 1 ? String($0.element) : prose($0.element) }
            .joined(separator: "`")
    }
}
