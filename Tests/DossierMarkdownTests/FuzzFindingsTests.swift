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

    /// A table header cut from the end of a paragraph: cmark-gfm counts the link's column from the paragraph's
    /// first line (`|`), which put `[]()` at 1:3, past that line's end. It is on line 2, column 1.
    @Test func aLinkInATableHeaderCutFromAParagraphIsOnItsOwnLine() throws {
        let document = try render("|\n[]()\n|-")
        #expect(document.links.map { [$0.line, $0.column] } == [[2, 1]])
    }

    /// Whatever cmark-gfm says, a position stays inside the file: never past the end of its line.
    @Test func linkPositionsStayInsideTheirLines() throws {
        for source in ["|\n[]()\n|-", "a\0\0\0\0\0\0\0\0b\n[x](y)\n", "|\0|\n|-|\n[a](b)|c\n"] {
            let lines = source.utf8.split(separator: 10, omittingEmptySubsequences: false).map(\.count)
            for link in try render(source).links {
                #expect(link.line >= 1 && link.line <= lines.count, "\(source.debugDescription)")
                #expect(link.column >= 1 && link.column <= lines[link.line - 1] + 1, "\(source.debugDescription)")
            }
        }
    }
}
