import Foundation

/// Marks, in a narrative's rendered HTML, the bracketed ids that name no control or criterion (`[PHY-002]`
/// after PHY-002 was deleted): they stay as text, so the prose still reads, with a marker a reader notices.
///
/// Only text is touched: nothing inside a tag (an attribute may hold the same characters) and nothing inside
/// `<code>` or `<pre>` (an id in code is not a reference). cmark-gfm escapes `<`, `>` and `&` in text, so a
/// `[` … `]` run in text is exactly what the Markdown said.
enum UnknownReferenceMarks {
    static func marked(_ html: String, unknown: Set<String>) -> String {
        guard !unknown.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 128)
        var i = 0
        var inCode = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "<") {
                let end = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count - 1
                let tag = String(decoding: bytes[i...end], as: UTF8.self).lowercased()
                if tag.hasPrefix("<code") || tag.hasPrefix("<pre") { inCode += 1 }
                if tag.hasPrefix("</code") || tag.hasPrefix("</pre") { inCode = max(0, inCode - 1) }
                out += bytes[i...end]
                i = end + 1
                continue
            }
            if byte == UInt8(ascii: "["), inCode == 0,
                let close = bytes[(i + 1)...].prefix(40).firstIndex(of: UInt8(ascii: "]"))
            {
                let id = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                if unknown.contains(id) {
                    let shown = escaped(id)
                    out += Array(
                        "<span class=\"unknown-ref\" title=\"\(shown) is not in controls.yaml or the SOC 2 catalog\">[\(shown)]<span class=\"visually-hidden\"> (unknown reference)</span></span>"
                            .utf8)
                    i = close + 1
                    continue
                }
            }
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Ids have an id's shape already; escaping keeps that from mattering.
    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
