import DossierYAML
import Testing

/// Marks are 1-based and count characters, as libyaml does.
@Suite struct YAMLMarkTests {
    private let text = """
        # controls
        controls:
          - id: "CC6.1"
            owners: [alice, bob]
            narrative: |
              text
        """

    /// Found by the `controls` fuzz target (docs/fuzzing.md): libyaml marks the empty node of a lone `---` on
    /// line 2, which a file without a final newline does not have.
    @Test(arguments: [("---", YAMLMark(line: 1, column: 4)), ("---\n", YAMLMark(line: 2, column: 1))])
    func anEmptyNodeAtTheEndIsMarkedInsideTheInput(text: String, mark: YAMLMark) throws {
        let root = try #require(YAMLParser.parse(text).root)
        #expect(root.mark == mark)
    }

    @Test func blockMappingStartsAtItsFirstKey() throws {
        let root = try #require(YAMLParser.parse(text).root)
        #expect(root.mark == YAMLMark(line: 2, column: 1))
        let controls = try #require(root.value(forKey: "controls"))
        #expect(controls.key.mark == YAMLMark(line: 2, column: 1))
        #expect(controls.value.mark == YAMLMark(line: 3, column: 3))  // the `-`
        let first = try #require(controls.value.sequence?.first)
        #expect(first.mark == YAMLMark(line: 3, column: 5))  // first key of the item
    }

    @Test func scalarsStartAtTheirFirstCharacter() throws {
        let first = try #require(YAMLParser.parse(text).root?.value(forKey: "controls")?.value.sequence?.first)
        #expect(first.value(forKey: "id")?.value.mark == YAMLMark(line: 3, column: 9))  // the quote
        let owners = try #require(first.value(forKey: "owners")?.value)
        #expect(owners.mark == YAMLMark(line: 4, column: 13))  // the `[`
        #expect(owners.sequence?.map(\.mark) == [YAMLMark(line: 4, column: 14), YAMLMark(line: 4, column: 21)])
        #expect(first.value(forKey: "narrative")?.value.mark == YAMLMark(line: 5, column: 16))  // the `|`
    }

    @Test func columnsCountCharactersNotBytes() throws {
        // "é" is two bytes and "𝄞" four; libyaml counts each as one column.
        let root = try #require(YAMLParser.parse("names: [é, 𝄞, x]\nnext: y\n").root)
        let names = try #require(root.value(forKey: "names")?.value.sequence)
        #expect(names.map(\.mark.column) == [9, 12, 15])
        #expect(root.value(forKey: "next")?.value.mark == YAMLMark(line: 2, column: 7))
    }

    @Test func anchorOrTagIsWhereANodeStarts() throws {
        let root = try #require(YAMLParser.parse("a: &x\n  k: v\nb: !!str s\n").root)
        #expect(root.value(forKey: "a")?.value.mark == YAMLMark(line: 1, column: 4))
        #expect(root.value(forKey: "b")?.value.mark == YAMLMark(line: 3, column: 4))
    }

    @Test func describesAsLineColon() {
        #expect(YAMLMark(line: 12, column: 5).description == "12:5")
    }
}
