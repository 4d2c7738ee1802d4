import DossierMarkdown
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndReportsTheBodyLine() {
        let split = MarkdownSource.splitFrontMatter("---\ntitle: Access\nowner: Dana\n---\n# Body\n")
        #expect(split.frontMatter == "title: Access\nowner: Dana\n")
        #expect(split.body == "# Body\n")
        #expect(split.bodyFirstLine == 5)
        #expect(MarkdownSource.frontMatter(of: "---\na: 1\n---\n") == FrontMatter(yaml: "a: 1\n", bodyStartLine: 4))
    }

    @Test func acceptsABOMDotsCRLFAndEmptyFrontMatter() {
        let bom = MarkdownSource.splitFrontMatter("\u{FEFF}---\r\na: 1\r\n...\r\nbody")
        #expect(bom.frontMatter == "a: 1\r\n")
        #expect(bom.body == "body")
        #expect(bom.bodyFirstLine == 4)
        let empty = MarkdownSource.splitFrontMatter("---\n---")
        #expect(empty.frontMatter == "")
        #expect(empty.body == "")
        #expect(empty.bodyFirstLine == 3)
    }

    @Test(arguments: [
        "---\na: 1\n", "\n---\na: 1\n---\n", "--- \na: 1\n---\n", "---\na: 1\n--- \n", "# no\n---\n---\n",
        "...\na\n...\n",
    ])
    func withoutExactMarkersThereIsNoFrontMatter(text: String) {
        let split = MarkdownSource.splitFrontMatter(text)
        #expect(split.frontMatter == nil)
        #expect(split.body == text)
        #expect(split.bodyFirstLine == 1)
    }

    @Test func bodyLinesMapBackToTheFile() throws {
        let file = "---\ntitle: x\n---\n\nSee [AC-404].\n"
        let split = MarkdownSource.splitFrontMatter(file)
        let document = try render(split.body) { $0.firstLine = split.bodyFirstLine }
        #expect(document.literalBrackets == [MarkdownSpan(text: "[AC-404]", line: 5, column: 5)])
    }

    @Test func decodeUTF8RefusesBadBytesWithTheirPosition() throws {
        #expect(try MarkdownSource.decodeUTF8(Array("---\né\n".utf8)) == "---\né\n")
        #expect(throws: MarkdownError.invalidUTF8(line: 2, column: 4)) {
            try MarkdownSource.decodeUTF8(Array("---\nabc".utf8) + [0xFF])
        }
    }
}
