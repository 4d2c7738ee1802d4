import DossierYAML
import Testing

/// One document per file.
@Suite struct YAMLDocumentTests {
    @Test func secondDocumentIsReportedAndFirstIsKept() throws {
        let result = YAMLParser.parse("id: first\n---\nid: second\n")
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .multipleDocuments)
        #expect(problem.mark == YAMLMark(line: 2, column: 1))
        #expect(problem.hint == "a control map holds one document; remove the `---` separator")
        #expect(result.root?.value(forKey: "id")?.value.scalar == "first")
    }

    @Test func secondDocumentAfterEndMarkerStartsAtItsSeparator() throws {
        let result = YAMLParser.parse("id: first\n...\n# comment\n--- \nid: second\n")
        #expect(result.problems.only?.kind == .multipleDocuments)
        #expect(result.problems.only?.mark == YAMLMark(line: 4, column: 1))
        #expect(result.root?.value(forKey: "id")?.value.scalar == "first")
    }

    @Test func contentAfterEndMarkerWithoutSeparatorIsASyntaxError() throws {
        // libyaml (YAML 1.1) allows an implicit start only for the first document.
        let result = YAMLParser.parse("id: first\n...\nid: second\n")
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .syntax)
        #expect(problem.message == "did not find expected <document start>")
        #expect(problem.mark == YAMLMark(line: 3, column: 1))
    }

    @Test func emptySecondDocumentStillCounts() {
        let result = YAMLParser.parse("id: first\n---\n")
        #expect(result.problems.map(\.kind) == [.multipleDocuments])
        #expect(result.root != nil)
    }

    @Test(arguments: ["---\nid: x\n", "id: x\n...\n", "%YAML 1.1\n---\nid: x\n...\n# trailing comment\n"])
    func oneMarkedDocumentIsFine(text: String) {
        let result = YAMLParser.parse(text)
        #expect(result.problems.isEmpty)
        #expect(result.root?.value(forKey: "id")?.value.scalar == "x")
    }
}
