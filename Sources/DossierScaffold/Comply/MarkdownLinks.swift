import DossierCore

/// Rewrites the destinations of relative Markdown links in text carried over from another tool, whose
/// files now live elsewhere: `check` reports a relative link to a file that does not exist as an error.
///
/// Handles inline links and images (`[text](dest "title")`, `![alt](dest)`) and reference definitions
/// (`[label]: dest`) on one line, outside fenced code blocks and inline code spans. Absolute URLs, `mailto:`
/// and other schemes, `#fragment` links and site-absolute paths are left alone.
enum MarkdownLinks {
    /// What to do with a relative destination (without its `#fragment`): a new destination, or nil to drop
    /// the link and keep its text.
    typealias Transform = (_ destination: String) -> String?

    /// The text with links rewritten, and how many links were dropped.
    static func rewrite(_ text: String, _ transform: Transform) -> (String, Int) {
        guard text.contains("](") || text.contains("]:") else { return (text, 0) }
        var dropped = 0
        let rewritten = MarkdownProse.mapLines(text) { line in
            if let definition = rewriteDefinition(line, transform) {
                if definition.isEmpty { dropped += 1 }
                return definition.isEmpty ? nil : definition
            }
            return MarkdownProse.mapOutsideCodeSpans(line) { segment in
                let (out, n) = rewriteInline(String(segment), transform)
                dropped += n
                return out
            }
        }
        return (rewritten, dropped)
    }

    /// Whether a destination is relative to the document (and so may need rewriting).
    static func isRelative(_ destination: String) -> Bool {
        guard let first = destination.first, first != "#", first != "/" else { return false }
        // A scheme: letters, digits, `+`, `-`, `.` before the first `:`, with no `/` before it.
        if let colon = destination.firstIndex(of: ":") {
            let scheme = destination[..<colon]
            if !scheme.isEmpty && scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
                return false
            }
        }
        return true
    }

    // MARK: - Pieces

    /// `[label]: dest "title"` with the destination rewritten; "" to drop the line; nil when not a definition.
    private static func rewriteDefinition(_ line: Substring, _ transform: Transform) -> String? {
        let indent = line.prefix(while: { $0 == " " })
        guard indent.count <= 3, line.dropFirst(indent.count).first == "[",
            let close = line.firstRange(of: "]:")
        else { return nil }
        let label = line[line.index(after: indent.endIndex)..<close.lowerBound]
        guard !label.isEmpty, !label.contains("]") else { return nil }
        let rest = line[close.upperBound...].drop(while: { $0 == " " })
        let destination = rest.prefix(while: { $0 != " " })
        let tail = rest.dropFirst(destination.count)
        guard let new = map(String(destination), transform) else { return "" }
        return String(line[..<close.upperBound]) + " " + new + tail
    }

    /// Inline links and images in one prose segment.
    private static func rewriteInline(_ text: String, _ transform: Transform) -> (String, Int) {
        let chars = Array(text)
        var out: [Character] = []
        // Where each character copied as is landed in `out` (earlier links may have changed lengths).
        var position = [Int](repeating: 0, count: chars.count)
        var dropped = 0
        var i = 0
        while i < chars.count {
            guard chars[i] == "]", i + 1 < chars.count, chars[i + 1] == "(",
                let open = openingBracket(chars, before: i), let end = closingParen(chars, from: i + 2)
            else {
                position[i] = out.count
                out.append(chars[i])
                i += 1
                continue
            }
            let content = String(chars[(i + 2)..<end])
            let destination = content.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            let bare =
                destination.hasPrefix("<") && destination.hasSuffix(">")
                ? String(destination.dropFirst().dropLast()) : destination
            if let new = map(bare, transform) {
                let rest = content.dropFirst(destination.count)
                out += Array("](") + Array(new) + Array(rest) + [")"]
            } else {
                // Keep the text, drop `[`, `](…)` and an image's `!`.
                let start = position[open]
                let isImage = start > 0 && out[start - 1] == "!"
                let label = Array(out[(start + 1)...])
                out.removeSubrange((isImage ? start - 1 : start)...)
                out += label
                dropped += 1
            }
            i = end + 1
        }
        return (String(out), dropped)
    }

    /// The new destination: unchanged unless relative; the transform's answer (with the fragment kept).
    private static func map(_ destination: String, _ transform: Transform) -> String? {
        guard isRelative(destination) else { return destination }
        let hash = destination.firstIndex(of: "#") ?? destination.endIndex
        guard let new = transform(String(destination[..<hash])) else { return nil }
        return new + destination[hash...]
    }

    /// Index of the `[` that opens the link text ending at `close`, balancing nested brackets.
    private static func openingBracket(_ chars: [Character], before close: Int) -> Int? {
        var depth = 0
        var j = close - 1
        while j >= 0 {
            if chars[j] == "]" && (j == 0 || chars[j - 1] != "\\") { depth += 1 }
            if chars[j] == "[" && (j == 0 || chars[j - 1] != "\\") {
                if depth == 0 { return j }
                depth -= 1
            }
            j -= 1
        }
        return nil
    }

    /// Index of the `)` that closes a destination starting at `start`, balancing parentheses.
    private static func closingParen(_ chars: [Character], from start: Int) -> Int? {
        var depth = 0
        var j = start
        while j < chars.count {
            if chars[j] == "(" { depth += 1 }
            if chars[j] == ")" {
                if depth == 0 { return j }
                depth -= 1
            }
            j += 1
        }
        return nil
    }
}
