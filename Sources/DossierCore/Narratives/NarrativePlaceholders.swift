/// What an auditor notices first in a narrative that was never finished: `TODO` placeholders left from the
/// starter kit, an owner at a reserved example domain, and front matter fields left empty.
///
/// Each cause gives at most one warning per file, at its first occurrence and with a count, so a fresh starter
/// narrative with thirty placeholders reads as one thing to do rather than thirty.
enum NarrativePlaceholders {
    /// Domains reserved for examples (RFC 2606): nobody's real address.
    static let exampleDomains = ["example.com", "example.org", "example.net"]

    /// Warnings for the narrative at `path`: `frontMatter` is the YAML between the `---` lines (starting on the
    /// file's line 2), `body` the Markdown after it, starting on `bodyFirstLine`.
    static func check(path: String, frontMatter: String?, body: String, bodyFirstLine: Int) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let frontMatter { found += checkFrontMatter(frontMatter, path: path) }
        if let (line, column, count) = firstTODO(in: body) {
            found.append(
                Diagnostic(
                    .warning, .narrativeTODO,
                    count == 1
                        ? "`TODO` placeholder left in the narrative"
                        : "\(count) `TODO` placeholders left in the narrative (the first is here)",
                    file: path, line: line + bodyFirstLine - 1, column: column,
                    hint: "replace each `TODO(owner):` with what the organisation really does, or delete it: "
                        + "the site shows it to the auditor"))
        }
        return found
    }

    // MARK: - Front matter

    /// Top-level `key: value` lines of the front matter: an owner at an example domain, and empty known fields
    /// (`owner:`, `last_reviewed: null`, `version: ""`), reported together at the first.
    static func checkFrontMatter(_ yaml: String, path: String) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var empty: [(key: String, line: Int)] = []
        for (index, text) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 2
            guard let colon = text.firstIndex(of: ":"), let first = text.first, first.isLetter else { continue }
            let key = String(text[..<colon])
            guard NarrativeFrontMatter.keys.contains(key) else { continue }
            var value = text[text.index(after: colon)...]
            if let comment = value.range(of: " #") { value = value[..<comment.lowerBound] }
            let trimmed = String(value).trimmingWhitespace()
            if ["", "null", "Null", "NULL", "~", "\"\"", "''"].contains(trimmed) {
                empty.append((key, line))
                continue
            }
            if key == "owner", let domain = exampleDomain(of: trimmed.filter { $0 != "\"" && $0 != "'" }) {
                let column =
                    text.distance(from: text.startIndex, to: colon) + 2
                    + value.prefix { $0 == " " || $0 == "\t" }.count
                found.append(
                    Diagnostic(
                        .warning, .narrativePlaceholderOwner,
                        "owner `\(trimmed)` is a placeholder address at \(domain)", file: path,
                        line: line, column: column,
                        hint: "name the person or team that owns this narrative, as the auditor will ask them"))
            }
        }
        if let first = empty.first {
            let keys = empty.map { "`\($0.key)`" }.joined(separator: ", ")
            found.append(
                Diagnostic(
                    .warning, .narrativeEmptyField,
                    "empty front matter \(empty.count == 1 ? "field" : "fields") \(keys)", file: path,
                    line: first.line, column: 1,
                    hint: "fill \(empty.count == 1 ? "it" : "them") in (last_reviewed as YYYY-MM-DD) or delete "
                        + "the \(empty.count == 1 ? "line" : "lines"): the site shows the narrative's facts"))
        }
        return found
    }

    /// The example domain an address or host belongs to (`it@example.com`, `x@sub.example.org`), if any.
    static func exampleDomain(of address: String) -> String? {
        let lowered = address.trimmingWhitespace().lowercased()
        return exampleDomains.first { lowered.hasSuffix("@" + $0) || lowered.hasSuffix("." + $0) }
    }

    // MARK: - Body

    /// Line (1-based, in `body`) and column of the first `TODO` word outside fenced code, and how many lines
    /// hold one.
    ///
    /// Works on the UTF-8 bytes and looks at a line's characters only when its bytes hold `TODO`. Lines end at
    /// LF, CR LF or a lone CR, as in cmark-gfm and an editor (the `narrative` fuzz target found CR LF lines
    /// counted as one, so a `TODO` was reported on line 1 at a column past its end).
    static func firstTODO(in body: String) -> (line: Int, column: Int, count: Int)? {
        var first: (line: Int, column: Int)?
        var count = 0
        var fence: UInt8?
        var body = body
        body.withUTF8 { bytes in
            var start = 0
            var index = 0
            func line(_ start: Int, _ end: Int) {
                defer { index += 1 }
                var spaces = start
                while spaces < end, bytes[spaces] == 32 { spaces += 1 }
                var marker: UInt8?
                if spaces - start <= 3, end - spaces >= 3, bytes[spaces] == 96 || bytes[spaces] == 126,
                    bytes[spaces + 1] == bytes[spaces], bytes[spaces + 2] == bytes[spaces]
                {
                    marker = bytes[spaces]
                    // A combining mark after the third marker would make it another character: ask the characters.
                    if spaces + 3 < end, bytes[spaces + 3] >= 0x80 {
                        let text = Substring(
                            String(decoding: UnsafeBufferPointer(rebasing: bytes[spaces..<end]), as: UTF8.self))
                        if !text.hasPrefix(marker == 96 ? "```" : "~~~") { marker = nil }
                    }
                }
                if let marker {
                    if fence == nil {
                        fence = marker
                    } else if fence == marker {
                        fence = nil
                    }
                    return
                }
                guard fence == nil, Self.holdsTODO(bytes, start, end) else { return }
                let text = Substring(
                    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                guard let column = todoColumn(in: text) else { return }
                count += 1
                if first == nil { first = (index + 1, column) }
            }
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                if byte == 10 || byte == 13 {
                    line(start, position)
                    if byte == 13, position + 1 < bytes.count, bytes[position + 1] == 10 { position += 1 }
                    start = position + 1
                }
                position += 1
            }
            line(start, bytes.count)
        }
        return first.map { ($0.line, $0.column, count) }
    }

    /// Whether the bytes from `start` to `end` hold `TODO`.
    private static func holdsTODO(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 4 <= end {
            if bytes[i] == 84, bytes[i + 1] == 79, bytes[i + 2] == 68, bytes[i + 3] == 79 { return true }
            i += 1
        }
        return false
    }

    /// 1-based column of `TODO` as a word (not inside `TODOS` or `MASTODON`).
    static func todoColumn(in line: Substring) -> Int? {
        let characters = Array(line)
        var i = 0
        while i + 4 <= characters.count {
            if characters[i] == "T", characters[i + 1] == "O", characters[i + 2] == "D", characters[i + 3] == "O" {
                let before = i == 0 || !(characters[i - 1].isLetter || characters[i - 1].isNumber)
                let after = i + 4 == characters.count || !(characters[i + 4].isLetter || characters[i + 4].isNumber)
                if before && after { return i + 1 }
            }
            i += 1
        }
        return nil
    }
}
