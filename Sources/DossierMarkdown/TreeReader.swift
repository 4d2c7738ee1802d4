/// Reads one parsed tree in a single walk: headings, links (rewriting their destinations in place) and
/// literal brackets.
struct TreeReader {
    private(set) var headings: [(level: Int, text: String, line: Int)] = []
    private(set) var links: [MarkdownLink] = []
    private var brackets: LiteralBracketFinder

    private let lineShift: Int
    private let source: [UInt8]
    private let lines: SourceLines
    private let hasNul: Bool
    /// cmark-gfm's columns of the NUL bytes of each line (1-based) looked at so far.
    private var nulColumns: [Int: [Int]] = [:]
    private let rewrite: (@Sendable (MarkdownLink) -> String?)?

    init(source: [UInt8], lines: SourceLines, options: MarkdownOptions) {
        brackets = LiteralBracketFinder(source: source, lines: lines, firstLine: options.firstLine)
        lineShift = options.firstLine - 1
        self.source = source
        self.lines = lines
        hasNul = source.contains(0)
        rewrite = options.rewriteDestination
    }

    var literalBrackets: [MarkdownSpan] { brackets.spans }

    mutating func read(_ tree: CmarkTree) throws(MarkdownError) {
        var linkDepth = 0
        var heading: (level: Int, text: String, line: Int)?
        var failure: MarkdownError?
        // cmark-gfm gives nodes inside some table cells no position (line 0, found by the `narrative` fuzz
        // target): they are reported at the last position the walk saw, which is inside the file.
        var lastKnown = (line: 1, column: 1)
        tree.walk { entering, node in
            let kind = node.kind
            if entering { _ = position(of: node, lastKnown: &lastKnown) }
            if kind == .text && linkDepth == 0 {
                let (line, column) = position(of: node, lastKnown: &lastKnown)
                brackets.addText(node.literal, line: line, column: column)
            } else {
                brackets.endRun()
            }
            switch kind {
            case .link, .image:
                if entering {
                    linkDepth += 1
                    let (line, column) = position(of: node, lastKnown: &lastKnown)
                    let link = MarkdownLink(
                        destination: node.url, isImage: kind == .image, line: line + lineShift, column: column)
                    links.append(link)
                    if let replacement = rewrite?(link), !node.setURL(replacement) {
                        failure = failure ?? .libraryFailure("cmark_node_set_url failed")
                    }
                } else {
                    linkDepth -= 1
                }
            case .heading:
                if entering {
                    heading = (node.headingLevel, "", node.startLine + lineShift)
                } else if let finished = heading {
                    headings.append(finished)
                    heading = nil
                }
            case .text, .code:
                heading?.text += node.literal
            case .softBreak, .lineBreak:
                heading?.text += " "
            default:
                break
            }
        }
        brackets.endRun()
        if let failure { throw failure }
    }

    /// The node's 1-based line (not shifted) and the file's byte column, or `lastKnown` when cmark-gfm gave it
    /// no position in the file.
    private mutating func position(of node: CmarkNode, lastKnown: inout (line: Int, column: Int)) -> (Int, Int) {
        let line = node.startLine
        guard line >= 1, line <= lines.lineCount, node.startColumn >= 1 else { return lastKnown }
        lastKnown = withinLines(line, sourceColumn(node.startColumn, line: line))
        return lastKnown
    }

    /// A position cmark-gfm gave past the end of its line, moved onto the file's lines. A table header cut from
    /// the end of a paragraph (`|` / `[]()` / `|-`) has its inlines' columns counted from the paragraph's first
    /// line as if its lines were one; the excess, less each line and its line break, lands on the right line
    /// (found by the `narrative` fuzz target). Whatever is left past the last line is clamped to its end.
    private func withinLines(_ line: Int, _ column: Int) -> (line: Int, column: Int) {
        var line = line
        var column = column
        var length = lines.range(ofLine: line - 1, in: source).count
        while column > length + 1 && line < lines.lineCount {
            column -= length + 1
            line += 1
            length = lines.range(ofLine: line - 1, in: source).count
        }
        return (line, min(max(1, column), length + 1))
    }

    /// The file's byte column for cmark-gfm's `column` on 1-based `line`: cmark-gfm reads a NUL byte as U+FFFD
    /// (three bytes), so after one its columns run ahead of the file's (found by the `narrative` fuzz target).
    /// Logarithmic per lookup, so a hostile line of NULs and links stays fast.
    private mutating func sourceColumn(_ column: Int, line: Int) -> Int {
        guard hasNul else { return column }
        let nuls: [Int]
        if let known = nulColumns[line] {
            nuls = known
        } else {
            // cmark-gfm's column of each NUL on the line: the k-th (0-based) at byte offset o is at o + 2k + 1.
            let range = lines.range(ofLine: line - 1, in: source)
            var found: [Int] = []
            for index in range where source[index] == 0 {
                found.append(index - range.lowerBound + 2 * found.count + 1)
            }
            nulColumns[line] = found
            nuls = found
        }
        // NULs that start before `column`: each made it two bytes longer.
        var low = 0
        var high = nuls.count
        while low < high {
            let middle = (low + high) / 2
            if nuls[middle] < column { low = middle + 1 } else { high = middle }
        }
        return max(1, column - 2 * low)
    }
}
