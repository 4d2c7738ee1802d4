/// Puts heading ids on cmark's HTML.
///
/// In safe mode cmark writes every heading open tag as exactly `<h1>`…`<h6>` and nothing else can produce
/// one: text is escaped (`&lt;h2&gt;`) and raw HTML is replaced by `<!-- raw HTML omitted -->`. So the N-th
/// such tag belongs to the N-th heading of the tree in document order (footnote definitions, and the headings
/// in them, are moved to the end of both the tree and the HTML).
enum HeadingIDs {
    /// Returns `html` with `id` attributes added, and how many headings got one (a tag whose level does not
    /// match the expected heading stops the insertion rather than mislabel anything).
    static func insert(into html: String, headings: [MarkdownHeading]) -> (html: String, inserted: Int) {
        guard !headings.isEmpty else { return (html, 0) }
        let source = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(source.count + headings.count * 32)
        var next = 0
        var stopped = false
        var i = 0
        while i < source.count {
            if !stopped, next < headings.count, source[i] == UInt8(ascii: "<"), i + 3 < source.count,
                source[i + 1] == UInt8(ascii: "h"), source[i + 3] == UInt8(ascii: ">"),
                (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(source[i + 2])
            {
                guard Int(source[i + 2] - UInt8(ascii: "0")) == headings[next].level else {
                    stopped = true
                    continue
                }
                out.append(contentsOf: "<h\(headings[next].level) id=\"\(escape(headings[next].id))\">".utf8)
                next += 1
                i += 4
                continue
            }
            out.append(source[i])
            i += 1
        }
        return (String(decoding: out, as: UTF8.self), next)
    }

    /// Values of the `id` attributes cmark wrote (footnote anchors). Only cmark can write ` id="`: quotes in text
    /// and attribute values are escaped as `&quot;` and raw HTML is omitted.
    static func existingIDs(in html: String) -> Set<String> {
        let bytes = Array(html.utf8)
        let marker = Array(" id=\"".utf8)
        var ids: Set<String> = []
        var i = 0
        while i + marker.count <= bytes.count {
            guard bytes[i] == marker[0], bytes[i..<(i + marker.count)].elementsEqual(marker) else {
                i += 1
                continue
            }
            let start = i + marker.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            ids.insert(String(decoding: bytes[start..<end], as: UTF8.self))
            i = end + 1
        }
        return ids
    }

    /// Slugs hold only letters, marks, numbers, `-` and `_`; escaping anyway keeps this safe on its own.
    private static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
