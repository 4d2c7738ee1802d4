/// Renders Dossier's Markdown narratives (GitHub Flavored Markdown) to safe HTML with cmark-gfm.
///
/// Thread-safe: every call makes its own parser. The only global state is cmark-gfm's extension registry, filled
/// once, and a lock that serialises parsing (gfm.6 edits a global character table while parsing; see
/// `CmarkParser`). The same source and options always give the same document.
public enum Markdown {
    /// cmark-gfm's version (`0.29.0.gfm.6`): caches of what parsing found name it, since another version may parse
    /// the same text differently.
    public static var engineVersion: String { CmarkParser.version }

    /// Renders UTF-8 text. See `render(_:options:)` for `[UInt8]`.
    public static func render(_ source: String, options: MarkdownOptions = .init()) throws(MarkdownError)
        -> MarkdownDocument
    {
        try render(Array(source.utf8), options: options)
    }

    /// Checks the source against `options.limits` (size, UTF-8, table width and cells, reference expansion),
    /// then parses it with the GFM extensions, collects headings, links and literal brackets, applies
    /// `rewriteDestination`, and renders HTML in cmark-gfm's safe mode with heading ids added.
    public static func render(_ source: [UInt8], options: MarkdownOptions = .init()) throws(MarkdownError)
        -> MarkdownDocument
    {
        let limits = options.limits
        guard source.count <= limits.maxBytes else { throw .tooLarge(bytes: source.count, limit: limits.maxBytes) }
        let definitions = try options.preparedDefinitions.get()
        let lines = try source.withUnsafeBufferPointer { buffer throws(MarkdownError) in
            let lines = try SourceLines(buffer, firstLine: options.firstLine)
            try SourceCheck.run(
                buffer, lines: lines, limits: limits, ownDefinitionLength: definitions.longestLine,
                firstLine: options.firstLine)
            return lines
        }

        let (parser, tree) = try parse(source, lines: lines, definitions: definitions)
        var reader = TreeReader(source: source, lines: lines, options: options)
        try reader.read(tree)

        // Every footnote reference and definition starts with `[^`: without one, cmark writes no id of its own.
        let needsRendering = options.rendersHTML || source.containsFootnoteMarker
        let rendered = needsRendering ? try parser.renderHTML(tree) : ""
        // cmark's own ids (footnotes: fn-<label>, fnref-<label>, fnref-<label>-2) must not be reused.
        var slugger = HeadingSlugger(reserved: needsRendering ? HeadingIDs.existingIDs(in: rendered) : [])
        let headings = reader.headings.map { heading in
            MarkdownHeading(
                level: heading.level, text: heading.text, id: slugger.id(for: heading.text), line: heading.line)
        }
        let html = options.rendersHTML ? HeadingIDs.insert(into: rendered, headings: headings).html : ""
        return MarkdownDocument(
            html: html, headings: headings, links: reader.links, literalBrackets: reader.literalBrackets)
    }

    // MARK: - Parsing with appended definitions

    /// Parses the source followed by the reference definitions and a sentinel paragraph.
    ///
    /// If the source ends inside a fenced code block or a raw HTML block that runs to the end of the document,
    /// the definitions would become part of it (and, in a code block, visible). The sentinel paragraph shows
    /// whether that happened; if so the open block is closed with a line after the source (a closing fence, or a
    /// line holding every HTML block end marker) and the text is parsed again. Line numbers never move.
    private static func parse(_ source: [UInt8], lines: SourceLines, definitions: ReferenceDefinitionText)
        throws(MarkdownError) -> (CmarkParser, CmarkTree)
    {
        guard !definitions.bytes.isEmpty else {
            let parser = try CmarkParser()
            return (parser, try parser.parse(source))
        }
        var closer: [UInt8] = []
        for _ in 0..<2 {
            var text = source
            // A final lone CR would join the LF below into one CR LF and leave no blank line before the
            // definitions, which would then continue the last paragraph (as text, with their brackets).
            if source.last != UInt8(ascii: "\n") { text.append(UInt8(ascii: "\n")) }
            if !closer.isEmpty { text += closer + [UInt8(ascii: "\n")] }
            text.append(UInt8(ascii: "\n"))
            text += definitions.bytes
            text += Array("\n\(ReferenceDefinitionText.sentinel)\n".utf8)

            let parser = try CmarkParser()
            let tree = try parser.parse(text)
            guard let last = tree.lastTopLevelBlock() else { break }
            if last.kind == .paragraph, let child = last.onlyChild, child.kind == .text,
                child.literal == ReferenceDefinitionText.sentinel
            {
                tree.remove(last)
                return (parser, tree)
            }
            guard closer.isEmpty, let found = closingLine(for: last, source: source, lines: lines) else { break }
            closer = found
        }
        // Could not keep the definitions out of the last block: render the source alone.
        let parser = try CmarkParser()
        return (parser, try parser.parse(source))
    }

    /// A line that ends the open block `node` started in the source: the same fence for a fenced code block;
    /// for a raw HTML block, a line holding the end markers of all five kinds that run past blank lines.
    private static func closingLine(for node: CmarkNode, source: [UInt8], lines: SourceLines) -> [UInt8]? {
        switch node.kind {
        case .htmlBlock:
            return Array("]]> --> ?> </script>".utf8)
        case .codeBlock:
            let index = node.startLine - 1
            guard index >= 0, index < lines.lineCount else { return nil }
            let line = source[lines.range(ofLine: index, in: source)].drop { $0 == UInt8(ascii: " ") }
            guard let fence = line.first, fence == UInt8(ascii: "`") || fence == UInt8(ascii: "~") else { return nil }
            return Array(line.prefix { $0 == fence })
        default:
            return nil
        }
    }
}

extension [UInt8] {
    /// Whether the bytes hold `[^`, which every footnote reference and definition starts with.
    fileprivate var containsFootnoteMarker: Bool {
        withUnsafeBufferPointer { buffer in
            guard buffer.count >= 2 else { return false }
            for index in 0..<(buffer.count - 1) where buffer[index] == UInt8(ascii: "[") {
                if buffer[index + 1] == UInt8(ascii: "^") { return true }
            }
            return false
        }
    }
}
