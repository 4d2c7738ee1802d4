import DossierMarkdown
import Testing

@Suite struct LiteralBracketTests {
    @Test func reportsUndefinedBracketsButNotDefinedOnes() throws {
        let document = try render("See [AC-001] and [AC-009].\n", definitions(["AC-001": "/c/ac-001"]))
        #expect(document.literalBrackets == [MarkdownSpan(text: "[AC-009]", line: 1, column: 18)])
    }

    @Test func ignoresCodeTaskListsLinksAndEscapes() throws {
        let source = """
            - [ ] item
            - [x] done

            Inline `[x]` and [text [inner]](/l) and \\[AC-1\\] and &#91;AC-2&#93;

            ```
            [AC-3]
            ```

            [AC-4]: /defined

            [AC-4] [ ] []
            """
        #expect(try render(source).literalBrackets.isEmpty)
    }

    @Test func reportsPositionsInContainersAndContinuationLines() throws {
        let source =
            "> quote `[X]` [Q-1]\nlazy [Q-2]\n\n- item\n    cont [L-1]\n\n| a | b |\n|---|---|\n| x | é [T-1] |\n\n# Head [H-1]\n"
        let spans = try render(source).literalBrackets
        #expect(
            spans == [
                MarkdownSpan(text: "[Q-1]", line: 1, column: 15),
                MarkdownSpan(text: "[Q-2]", line: 2, column: 6),
                MarkdownSpan(text: "[L-1]", line: 5, column: 10),
                MarkdownSpan(text: "[T-1]", line: 9, column: 10),
                MarkdownSpan(text: "[H-1]", line: 11, column: 8),
            ])
    }

    @Test func picksTheOccurrenceOutsideCode() throws {
        let spans = try render("`[X]` then [X]\n").literalBrackets
        #expect(spans == [MarkdownSpan(text: "[X]", line: 1, column: 12)])
    }

    @Test func skipsOverlongAndNestedRuns() throws {
        let long = "[" + String(repeating: "a", count: 201) + "]"
        let ok = "[" + String(repeating: "b", count: 200) + "]"
        let spans = try render("\(long) \(ok) [outer [inner] x]\n").literalBrackets
        #expect(spans.map(\.text) == [ok, "[inner]"])
    }

    @Test func linesAreShiftedByFirstLine() throws {
        let spans = try render("a\n\n[Z-1]\n") { $0.firstLine = 4 }.literalBrackets
        #expect(spans == [MarkdownSpan(text: "[Z-1]", line: 6, column: 1)])
    }
}
