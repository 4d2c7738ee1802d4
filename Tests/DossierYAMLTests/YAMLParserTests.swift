import DossierYAML
import Testing

/// The tree itself: structure, untyped scalars, styles, tags, nulls, empty input.
@Suite struct YAMLParserTests {
    @Test func buildsMappingsAndSequencesInFileOrder() throws {
        let result = YAMLParser.parse(
            """
            id: CC6.1
            owner: alice
            evidence:
              - path: evidence/a.csv
              - path: evidence/b.csv
            """)
        #expect(result.problems.isEmpty)
        let root = try #require(result.root)
        #expect(root.kindName == "mapping")
        #expect(root.mapping?.map { $0.key.scalar } == ["id", "owner", "evidence"])
        #expect(root.value(forKey: "owner")?.value.scalar == "alice")
        let evidence = try #require(root.value(forKey: "evidence")?.value.sequence)
        #expect(evidence.map { $0.value(forKey: "path")?.value.scalar } == ["evidence/a.csv", "evidence/b.csv"])
        #expect(root.value(forKey: "missing") == nil)
    }

    @Test func scalarsStayUntypedStrings() throws {
        let root = try #require(
            YAMLParser.parse("a: NO\nb: 1.10\nc: 0o14\nd: ~\ne: true\nf: 0x1F\ng: 2024-01-01\n").root)
        let values = root.mapping?.map { $0.value.scalar }
        #expect(values == ["NO", "1.10", "0o14", "~", "true", "0x1F", "2024-01-01"])
        #expect(root.mapping?.allSatisfy { $0.value.style == .plain && $0.value.tag == nil } == true)
    }

    @Test func recordsScalarStyles() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                plain: x
                single: 'x'
                double: "x\\ty"
                literal: |
                  line one
                  line two
                folded: >
                  line one
                  line two
                """
            ).root)
        let styles = root.mapping?.map { $0.value.style }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
        #expect(root.value(forKey: "double")?.value.scalar == "x\ty")
        #expect(root.value(forKey: "literal")?.value.scalar == "line one\nline two\n")
        #expect(root.value(forKey: "folded")?.value.scalar == "line one line two")  // no final newline in the file
    }

    @Test func recordsTagsAsLibyamlResolvesThem() throws {
        let root = try #require(
            YAMLParser.parse("a: !!str 12\nb: !custom x\nc: ! y\nd: z\ne: !!map {k: v}\n").root)
        let tags = root.mapping?.map { $0.value.tag }
        #expect(tags == ["tag:yaml.org,2002:str", "!custom", "!", nil, "tag:yaml.org,2002:map"])
        #expect(root.value(forKey: "a")?.value.scalar == "12")
    }

    @Test func nullsArePlainUntaggedNullSpellingsOnly() throws {
        let root = try #require(
            YAMLParser.parse(
                """
                empty:
                tilde: ~
                lower: null
                title: Null
                upper: NULL
                quoted: "null"
                single: ''
                tagged: !!str ~
                nulltag: !!null null
                word: nil
                """
            ).root)
        let nulls = root.mapping?.map { $0.value.isNull }
        #expect(nulls == [true, true, true, true, true, false, false, false, true, false])
        #expect(root.value(forKey: "empty")?.value.scalar == "")
    }

    @Test(arguments: ["", "# only a comment\n# and another\n", "\n\n   \n", "\u{FEFF}# bom and comment\n"])
    func emptyInputHasNoRootAndNoProblems(text: String) {
        let result = YAMLParser.parse(text)
        #expect(result.root == nil)
        #expect(result.problems.isEmpty)
    }

    @Test func acceptsUTF8ByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("owner: alice\nid: x\n".utf8)
        let result = YAMLParser.parse(bytes)
        #expect(result.problems.isEmpty)
        let root = try #require(result.root)
        #expect(root.mapping?.first?.key.scalar == "owner")
        #expect(root.mark == YAMLMark(line: 1, column: 1))
        #expect(root.value(forKey: "id")?.key.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func readsUTF16WithByteOrderMarkLikeLibyaml() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "owner: é\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let root = try #require(YAMLParser.parse(bytes).root)
        #expect(root.value(forKey: "owner")?.value.scalar == "é")
    }

    @Test func mergeKeyIsAnOrdinaryKey() throws {
        let result = YAMLParser.parse("base: &b {owner: alice}\ncontrol:\n  <<: *b\n  id: x\n")
        #expect(result.problems.isEmpty)
        let control = try #require(result.root?.value(forKey: "control")?.value)
        #expect(control.mapping?.map { $0.key.scalar } == ["<<", "id"])
        #expect(control.value(forKey: "owner") == nil)
        #expect(control.value(forKey: "<<")?.value.value(forKey: "owner")?.value.scalar == "alice")
    }

    @Test func valueForKeyComparesBytesNotCanonicalEquivalence() throws {
        let root = try #require(YAMLParser.parse("caf\u{65}\u{301}: nfd\n").root)
        #expect(root.value(forKey: "caf\u{65}\u{301}")?.value.scalar == "nfd")
        #expect(root.value(forKey: "caf\u{E9}") == nil)
    }

    @Test func keepsNulBytesFromEscapes() throws {
        let root = try #require(YAMLParser.parse("a: \"x\\0y\"\n").root)
        #expect(root.value(forKey: "a")?.value.scalar.map { Array($0.utf8) } == [0x78, 0, 0x79])
    }
}
