/// Reads one parsed tree in a single walk: headings, links (rewriting their destinations in place) and
/// literal brackets.
struct TreeReader {
    private(set) var headings: [(level: Int, text: String, line: Int)] = []
    private(set) var links: [MarkdownLink] = []
    private var brackets: LiteralBracketFinder

    private let lineShift: Int
    private let rewrite: (@Sendable (MarkdownLink) -> String?)?

    init(source: [UInt8], lines: SourceLines, options: MarkdownOptions) {
        brackets = LiteralBracketFinder(source: source, lines: lines, firstLine: options.firstLine)
        lineShift = options.firstLine - 1
        rewrite = options.rewriteDestination
    }

    var literalBrackets: [MarkdownSpan] { brackets.spans }

    mutating func read(_ tree: CmarkTree) throws(MarkdownError) {
        var linkDepth = 0
        var heading: (level: Int, text: String, line: Int)?
        var failure: MarkdownError?
        tree.walk { entering, node in
            let kind = node.kind
            if kind == .text && linkDepth == 0 {
                brackets.addText(node.literal, line: node.startLine, column: node.startColumn)
            } else {
                brackets.endRun()
            }
            switch kind {
            case .link, .image:
                if entering {
                    linkDepth += 1
                    let link = MarkdownLink(
                        destination: node.url, isImage: kind == .image,
                        line: node.startLine + lineShift, column: node.startColumn)
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
}
