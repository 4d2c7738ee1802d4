/// Parses template bytes into `MustacheTemplate.Node`s in three steps: tokens (text, newlines, tags, with
/// set-delimiter tags applied as they come), standalone lines (a line holding only one section, inverted,
/// closing, comment, partial or delimiter tag and whitespace disappears, newline included), and the tree.
struct MustacheParser {
    private struct Tag {
        /// `#`, `^`, `/`, `!`, `>`, `&`, `{`, `=`, or 0 for a plain variable.
        var kind: UInt8
        var name: String
        var line: Int
        var column: Int
    }

    private enum Token {
        case text([UInt8])
        case newline([UInt8])
        case tag(Tag)
        /// A partial alone on its line, with the line's indentation.
        case standalonePartial(Tag, indentation: [UInt8])
    }

    private static let standaloneKinds: Set<UInt8> = [
        UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
        UInt8(ascii: "="),
    ]
    private static let newline = UInt8(ascii: "\n")
    /// Deeper nesting is refused: rendering and freeing the tree recurse once per level.
    static let maxSectionDepth = 100

    private let bytes: [UInt8]
    private var open = Array("{{".utf8)
    private var close = Array("}}".utf8)
    private var line = 1
    private var lineStart = 0 {
        didSet { counted = (lineStart, 1) }
    }
    /// The last offset whose column was computed on the current line, and that column: a long line of tags
    /// is counted once, not once per tag.
    private var counted = (offset: 0, column: 1)

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func parse() throws(MustacheParseError) -> [MustacheTemplate.Node] {
        try Self.tree(Self.removingStandaloneLines(tokenize()))
    }

    // MARK: - Tokens

    private mutating func tokenize() throws(MustacheParseError) -> [Token] {
        var tokens: [Token] = []
        var textStart = 0
        var i = 0
        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(.text(Array(bytes[textStart..<end]))) }
        }
        while i < bytes.count {
            if bytes[i] == Self.newline {
                let crlf = i > textStart && bytes[i - 1] == UInt8(ascii: "\r")
                flushText(upTo: crlf ? i - 1 : i)
                tokens.append(.newline(crlf ? [UInt8(ascii: "\r"), Self.newline] : [Self.newline]))
                i += 1
                textStart = i
                line += 1
                lineStart = i
            } else if matches(open, at: i) {
                flushText(upTo: i)
                let (tag, end) = try readTag(at: i)
                if let tag { tokens.append(.tag(tag)) }
                for k in i..<end where bytes[k] == Self.newline {
                    line += 1
                    lineStart = k + 1
                }
                i = end
                textStart = i
            } else {
                i += 1
            }
        }
        flushText(upTo: bytes.count)
        return tokens
    }

    /// Reads the tag starting at `start` (its opening delimiter); returns it (nil for a delimiter change,
    /// which is applied here) and the offset just past it.
    private mutating func readTag(at start: Int) throws(MustacheParseError) -> (Tag?, Int) {
        let line = self.line
        let column = self.column(of: start)
        func fail(_ message: String, _ hint: String) -> MustacheParseError {
            MustacheParseError(message: message, line: line, column: column, hint: hint)
        }
        var p = start + open.count
        let kind: UInt8 = p < bytes.count ? bytes[p] : 0
        var terminator = close
        switch kind {
        case UInt8(ascii: "{"):
            terminator = [UInt8(ascii: "}")] + close
            p += 1
        case UInt8(ascii: "="):
            terminator = [UInt8(ascii: "=")] + close
            p += 1
        case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: ">"),
            UInt8(ascii: "&"):
            p += 1
        case UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
            throw fail(
                "`\(Character(Unicode.Scalar(kind)))` tags (template inheritance and pragmas) are not supported",
                "Dossier's templates use the Mustache spec's core: variables, sections, inverted sections, comments, partials and set delimiters"
            )
        default:
            break
        }
        guard let end = find(terminator, from: p) else {
            let shown = String(decoding: close, as: UTF8.self)
            throw fail("a tag is not closed", "close every tag with `\(shown)` (and `{{{name}}}` with `}}}`)")
        }
        let content = String(decoding: bytes[p..<end], as: UTF8.self)
        let after = end + terminator.count
        switch kind {
        case UInt8(ascii: "!"):
            return (Tag(kind: kind, name: "", line: line, column: column), after)
        case UInt8(ascii: "="):
            let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                throw fail("invalid set-delimiter tag", "write it as {{=<% %>=}}: two delimiters separated by a space")
            }
            open = Array(parts[0].utf8)
            close = Array(parts[1].utf8)
            return (Tag(kind: kind, name: "", line: line, column: column), after)
        default:
            let name = content.trimmingWhitespace
            guard !name.isEmpty else {
                throw fail("a tag has no name", "write a name between the braces, as in {{title}}")
            }
            guard !name.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
                throw fail("the name `\(name)` contains a space", "names are single words such as site.title")
            }
            if kind == UInt8(ascii: ">") {
                guard !name.hasPrefix("*") else {
                    throw fail(
                        "dynamic partials (`{{>*name}}`) are not supported",
                        "name the partial directly, as in {{>badge}}")
                }
            } else {
                guard !name.contains("("), !name.contains(")") else {
                    throw fail(
                        "transforms such as `\(name)` are not supported",
                        "compute the value in the data instead; templates/README.md lists what each page receives")
                }
                guard name == "." || !name.split(separator: ".", omittingEmptySubsequences: false).contains("")
                else { throw fail("the name `\(name)` has an empty part", "write dotted names as site.title") }
            }
            return (Tag(kind: kind, name: name, line: line, column: column), after)
        }
    }

    private func matches(_ needle: [UInt8], at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in 0..<needle.count where bytes[i + k] != needle[k] { return false }
        return true
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.count {
            if matches(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// 1-based column in characters (Unicode scalars) of byte offset `i` on the current line.
    private mutating func column(of i: Int) -> Int {
        var (offset, n) = counted
        if i < offset { (offset, n) = (lineStart, 1) }
        for k in offset..<i where bytes[k] & 0xC0 != 0x80 { n += 1 }
        counted = (i, n)
        return n
    }

    // MARK: - Standalone lines

    private static func removingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var lineTokens: [Token] = []
        func finishLine(_ newline: Token?) {
            var tags: [Tag] = []
            var blank = true
            for token in lineTokens {
                switch token {
                case .tag(let tag): tags.append(tag)
                case .text(let text): blank = blank && text.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                case .newline, .standalonePartial: break
                }
            }
            if tags.count == 1, blank, standaloneKinds.contains(tags[0].kind) {
                if tags[0].kind == UInt8(ascii: ">") {
                    // The partial keeps its line's indentation (and renders its own newline).
                    var indentation: [UInt8] = []
                    for case .text(let text) in lineTokens { indentation += text }
                    result.append(.standalonePartial(tags[0], indentation: indentation))
                } else {
                    result.append(.tag(tags[0]))
                }
            } else {
                result += lineTokens
                if let newline { result.append(newline) }
            }
            lineTokens = []
        }
        for token in tokens {
            if case .newline = token {
                finishLine(token)
            } else {
                lineTokens.append(token)
            }
        }
        finishLine(nil)
        return result
    }

    // MARK: - Tree

    private static func tree(_ tokens: [Token]) throws(MustacheParseError) -> [MustacheTemplate.Node] {
        typealias Node = MustacheTemplate.Node
        var stack: [(tag: Tag, nodes: [Node])] = []
        var nodes: [Node] = []
        func appendText(_ text: [UInt8]) {
            guard !text.isEmpty else { return }
            if case .text(let previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + text)
            } else {
                nodes.append(.text(text))
            }
        }
        for token in tokens {
            switch token {
            case .text(let text), .newline(let text):
                appendText(text)
            case .standalonePartial(let tag, let indentation):
                nodes.append(.partial(name: tag.name, indentation: indentation))
            case .tag(let tag):
                switch tag.kind {
                case UInt8(ascii: "!"), UInt8(ascii: "="):
                    break
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    guard stack.count < maxSectionDepth else {
                        throw MustacheParseError(
                            message: "sections nest more than \(maxSectionDepth) deep", line: tag.line,
                            column: tag.column, hint: "close sections sooner; real pages nest a handful deep")
                    }
                    stack.append((tag, nodes))
                    nodes = []
                case UInt8(ascii: "/"):
                    guard let (opening, outer) = stack.popLast() else {
                        throw MustacheParseError(
                            message: "`{{/\(tag.name)}}` closes a section that was never opened", line: tag.line,
                            column: tag.column, hint: "remove it, or open the section with {{#\(tag.name)}}")
                    }
                    guard opening.name == tag.name else {
                        throw MustacheParseError(
                            message:
                                "`{{/\(tag.name)}}` closes `{{\(Character(Unicode.Scalar(opening.kind)))\(opening.name)}}` opened at line \(opening.line), column \(opening.column)",
                            line: tag.line, column: tag.column,
                            hint: "close sections in the reverse order they were opened")
                    }
                    let section = Node.section(
                        path: path(opening.name), inverted: opening.kind == UInt8(ascii: "^"), children: nodes)
                    nodes = outer
                    nodes.append(section)
                case UInt8(ascii: ">"):
                    nodes.append(.partial(name: tag.name, indentation: []))
                case UInt8(ascii: "{"), UInt8(ascii: "&"):
                    nodes.append(.variable(path: path(tag.name), escaped: false))
                default:
                    nodes.append(.variable(path: path(tag.name), escaped: true))
                }
            }
        }
        if let (opening, _) = stack.last {
            throw MustacheParseError(
                message: "section `\(opening.name)` is never closed", line: opening.line, column: opening.column,
                hint: "add {{/\(opening.name)}} where the section ends")
        }
        return nodes
    }

    private static func path(_ name: String) -> [String] {
        name == "." ? [] : name.split(separator: ".").map(String.init)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        let scalars = unicodeScalars
        let isSpace = { (s: Unicode.Scalar) in s == " " || s == "\t" || s == "\n" || s == "\r" }
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(scalars[first...last])
    }
}
