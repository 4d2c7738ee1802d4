/// Preparing a narrative file's text before rendering: strict UTF-8 decoding and front matter.
public enum MarkdownSource {
    /// Splits YAML front matter from the Markdown body.
    ///
    /// Front matter exists when the first line (after an optional UTF-8 BOM) is exactly `---` and a later line is
    /// exactly `---` or `...`; the lines between are returned raw. Lines may end in LF, CR LF or CR; no other
    /// trailing characters are allowed on the marker lines. Without a closing line there is no front matter and
    /// the text is returned unchanged.
    /// - Returns: the front matter (nil if none), the body, and the body's 1-based first line in the file, to pass
    ///   as `MarkdownOptions.firstLine` so diagnostics point into the file.
    public static func splitFrontMatter(_ text: String) -> (frontMatter: String?, body: String, bodyFirstLine: Int) {
        guard let found = frontMatter(in: text) else { return (nil, text, 1) }
        return (found.frontMatter.yaml, found.body, found.frontMatter.bodyStartLine)
    }

    /// The front matter alone, as a value (see `splitFrontMatter`).
    public static func frontMatter(of text: String) -> FrontMatter? {
        frontMatter(in: text)?.frontMatter
    }

    /// Decodes bytes as UTF-8, refusing invalid sequences instead of replacing them, so a file's bytes can be
    /// checked before front matter is split off (its line numbers are the file's).
    /// - Throws: `.invalidUTF8` with the 1-based line and byte column of the first bad sequence.
    public static func decodeUTF8(_ bytes: [UInt8]) throws(MarkdownError) -> String {
        _ = try bytes.withUnsafeBufferPointer { buffer throws(MarkdownError) in try SourceLines(buffer) }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Line scanning

    private static func frontMatter(in text: String) -> (frontMatter: FrontMatter, body: String)? {
        let utf8 = text.utf8
        var start = utf8.startIndex
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { start = utf8.index(start, offsetBy: 3) }
        guard let opening = line(in: utf8, from: start), isMarker(utf8[opening.content], closing: false) else {
            return nil
        }
        var lineNumber = 2
        var position = opening.next
        while let current = line(in: utf8, from: position) {
            if isMarker(utf8[current.content], closing: true) {
                let yaml = String(text[opening.next..<current.content.lowerBound])
                let body = String(text[current.next...])
                return (FrontMatter(yaml: yaml, bodyStartLine: lineNumber + 1), body)
            }
            guard current.next < utf8.endIndex else { break }
            position = current.next
            lineNumber += 1
        }
        return nil
    }

    /// The line starting at `start`: its content range and where the next line starts (LF, CR LF or CR).
    private static func line(in utf8: String.UTF8View, from start: String.Index)
        -> (content: Range<String.Index>, next: String.Index)?
    {
        guard start < utf8.endIndex else { return nil }
        var end = start
        while end < utf8.endIndex, utf8[end] != 0x0A, utf8[end] != 0x0D { end = utf8.index(after: end) }
        var next = end
        if next < utf8.endIndex {
            let wasCR = utf8[next] == 0x0D
            next = utf8.index(after: next)
            if wasCR, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
        }
        return (start..<end, next)
    }

    private static func isMarker(_ line: Substring.UTF8View, closing: Bool) -> Bool {
        line.elementsEqual("---".utf8) || (closing && line.elementsEqual("...".utf8))
    }
}
