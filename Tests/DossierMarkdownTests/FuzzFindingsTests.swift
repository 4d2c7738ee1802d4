import DossierMarkdown
import Testing

/// Inputs the `narrative` fuzz target found (docs/fuzzing.md), minimised: each once produced a position outside
/// the file, or a reference definition that leaked into the text.
@Suite struct FuzzFindingsTests {
    /// A final lone CR joined the separator LF into one CR LF, so the supplied definitions continued the last
    /// paragraph: `[AC-001]` did not resolve and the definitions' own brackets were reported on line 3.
    @Test func aFinalLoneCarriageReturnKeepsTheDefinitionsApart() throws {
        let document = try render("See [AC-001]\r", definitions(["AC-001": "/c/ac-001"]))
        #expect(document.literalBrackets.isEmpty)
        #expect(document.links.map(\.destination) == ["/c/ac-001"])
        #expect(!document.html.contains("/c/ac-001]"))
        #expect(!document.html.contains("]:"))
    }

    /// cmark-gfm reads a NUL byte as U+FFFD (three bytes): columns after it ran two bytes ahead per NUL.
    @Test func columnsAfterANulByteAreTheFilesColumns() throws {
        let document = try render("\0\0 [AC-9] [x](y.md)\n")
        #expect(document.literalBrackets == [MarkdownSpan(text: "[AC-9]", line: 1, column: 4)])
        #expect(document.links.map(\.column) == [11])
    }

    /// A table cell that cmark-gfm places on line 0 was reported there, unverified.
    @Test func aTableCellWithoutALineIsLookedForOnARealLine() throws {
        let document = try render("[C.0]\n\0\n|-")
        #expect(document.literalBrackets.allSatisfy { $0.line >= 1 && $0.line <= 3 })
    }
}
