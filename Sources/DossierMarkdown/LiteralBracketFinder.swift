/// Finds bracketed text such as `[AC-009]` that cmark left as plain text, with its source position.
///
/// cmark-gfm merges adjacent text nodes, decodes escapes and entities, and reports inline columns loosely
/// (continuation lines are shifted by their indentation). So each `[...]` found in a run of text nodes is matched
/// against the literal `[...]` occurrences of its source line (an unescaped `[`, no brackets inside, an
/// unescaped `]`), taking the one nearest the reported column. A bracket written as `\[` or `&#91;` has no
/// literal occurrence and is not reported: the author escaped it on purpose.
struct LiteralBracketFinder {
    /// Longest reported content, in characters (brackets excluded).
    static let maxCharacters = 200
    /// How many occurrences past the last match are considered, so a hostile line stays linear.
    private static let window = 64

    private let source: [UInt8]
    private let lines: SourceLines
    private let lineShift: Int
    /// Literal occurrences per 0-based line, found on first use, and how many of them are behind us.
    private var occurrences: [Int: (items: [(offset: Int, text: String)], cursor: Int)] = [:]
    private var run: [(text: String, line: Int, column: Int)] = []
    private(set) var spans: [MarkdownSpan] = []

    init(source: [UInt8], lines: SourceLines, firstLine: Int) {
        self.source = source
        self.lines = lines
        self.lineShift = firstLine - 1
    }

    /// A text node outside links and code, in document order.
    mutating func addText(_ text: String, line: Int, column: Int) {
        run.append((text, line, column))
    }

    /// Anything but a text node ends the current run.
    mutating func endRun() {
        guard let first = run.first else { return }
        let text = run.count == 1 ? first.text : run.map(\.text).joined()
        run.removeAll(keepingCapacity: true)
        guard text.utf8.contains(UInt8(ascii: "]")) else { return }
        for (offset, bracketed) in Self.bracketed(in: Array(text.utf8), escapes: false) {
            locate(bracketed, line: first.line, hint: first.column - 1 + offset)
        }
    }

    private mutating func locate(_ bracketed: String, line reported: Int, hint: Int) {
        // cmark-gfm gives some table cells line 0 (found by the `narrative` fuzz target): look on the nearest
        // real line, and report only an occurrence found there, like any other.
        guard lines.lineCount > 0 else { return }
        let line = min(max(reported, 1), lines.lineCount)
        let index = line - 1
        let range = lines.range(ofLine: index, in: source)
        var entry =
            occurrences[index]
            ?? (Self.bracketed(in: source[range], escapes: true).map { (range.lowerBound + $0.offset, $0.text) }, 0)
        let target = range.lowerBound + hint
        var best: Int?
        var position = entry.cursor
        while position < entry.items.count && position < entry.cursor + Self.window {
            let item = entry.items[position]
            if item.text == bracketed,
                best.map({ abs(entry.items[$0].offset - target) > abs(item.offset - target) }) ?? true
            {
                best = position
            }
            position += 1
        }
        if let best {
            let offset = entry.items[best].offset
            spans.append(MarkdownSpan(text: bracketed, line: line + lineShift, column: offset - range.lowerBound + 1))
            entry.cursor = best + 1
        }
        occurrences[index] = entry
    }

    /// `[...]` runs in UTF-8 text: no brackets inside, content not blank and at most `maxCharacters` long.
    /// With `escapes`, a bracket preceded by an odd number of backslashes does not count (source text).
    static func bracketed(in bytes: some RandomAccessCollection<UInt8>, escapes: Bool) -> [(offset: Int, text: String)]
    {
        let bytes = Array(bytes)
        var found: [(Int, String)] = []
        var open: Int?
        var backslashes = 0
        for (i, byte) in bytes.enumerated() {
            let escaped = escapes && backslashes % 2 == 1
            backslashes = byte == UInt8(ascii: "\\") ? backslashes + 1 : 0
            switch byte {
            case UInt8(ascii: "["):
                open = escaped ? nil : i
            case UInt8(ascii: "]"):
                defer { open = nil }
                guard !escaped, let start = open, i - start - 1 <= maxCharacters * 4 else { continue }
                let content = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
                guard content.count <= maxCharacters, !content.allSatisfy(\.isWhitespace) else { continue }
                found.append((start, "[" + content + "]"))
            default:
                break
            }
        }
        return found
    }
}
