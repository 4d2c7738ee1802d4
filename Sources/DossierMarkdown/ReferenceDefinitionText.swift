/// Writes caller-supplied reference definitions as CommonMark lines appended after a narrative.
///
/// The lines never contain `<` or `>` (URLs are written without angle brackets, with `<` and `>`
/// percent-encoded), so no raw HTML block left open at the end of the narrative can end inside them: either the
/// narrative's last block swallows all of them or none. `Markdown` detects the first case with a sentinel
/// paragraph written after the definitions.
struct ReferenceDefinitionText: Sendable {
    static let empty = ReferenceDefinitionText(bytes: [], longestLine: 0)

    /// `[label]: url` lines, each ending in LF.
    let bytes: [UInt8]
    /// Length of the longest line, for the expansion bound.
    let longestLine: Int

    /// Text of the paragraph written after the definitions; plain letters, so no extension rewrites it.
    static let sentinel = "dossiermarkdownendofdefinitions"

    private init(bytes: [UInt8], longestLine: Int) {
        self.bytes = bytes
        self.longestLine = longestLine
    }

    init(_ definitions: [MarkdownReferenceDefinition]) throws(MarkdownError) {
        var bytes: [UInt8] = []
        var longest = 0
        for definition in definitions {
            let line = "[\(try Self.label(definition))]: \(try Self.destination(definition))\n"
            longest = max(longest, line.utf8.count)
            bytes.append(contentsOf: line.utf8)
        }
        self.bytes = bytes
        self.longestLine = longest
    }

    /// Labels are matched raw (escapes are not processed in label matching), so refuse what cannot be written
    /// verbatim between brackets rather than escape it.
    private static func label(_ definition: MarkdownReferenceDefinition) throws(MarkdownError) -> String {
        let label = definition.label
        func refuse(_ reason: String) -> MarkdownError { .invalidReferenceDefinition(label: label, reason: reason) }
        if label.allSatisfy(\.isWhitespace) { throw refuse("the label is blank") }
        if label.hasPrefix("^") { throw refuse("a label starting with ^ would define a footnote") }
        if label.count > 999 { throw refuse("the label is longer than 999 characters") }
        if label.contains(where: { "[]\\".contains($0) || $0.isNewline }) {
            throw refuse("the label contains [, ], \\ or a line break")
        }
        return label
    }

    /// A destination without angle brackets: controls, space, `<` and `>` percent-encoded; `\`, `(` and `)`
    /// backslash-escaped and `&` written as `&amp;`, so cmark (which decodes entities, then escapes) reads them
    /// back verbatim.
    private static func destination(_ definition: MarkdownReferenceDefinition) throws(MarkdownError) -> String {
        guard !definition.url.isEmpty else {
            throw .invalidReferenceDefinition(label: definition.label, reason: "the URL is empty")
        }
        var out = ""
        for scalar in definition.url.unicodeScalars {
            switch scalar {
            case "\\", "(", ")":
                out.append("\\")
                out.unicodeScalars.append(scalar)
            case "&":
                out += "&amp;"
            case "<", ">", " ", "\u{7F}", "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
