import DossierYAML
import Testing

/// Duplicate and non-scalar keys: libyaml delivers both without complaint.
@Suite struct YAMLKeyTests {
    @Test func duplicateKeyIsReportedAtTheSecondKeyAndTheFirstPairKept() throws {
        let result = YAMLParser.parse(
            """
            controls:
              - id: CC1
                owner: alice
                title: t
                owner: bob
            """)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .duplicateKey)
        #expect(problem.message == "duplicate key 'owner' (first defined at line 3, column 5)")
        #expect(problem.mark == YAMLMark(line: 5, column: 5))
        let control = try #require(result.root?.value(forKey: "controls")?.value.sequence?.first)
        #expect(control.mapping?.map { $0.key.scalar } == ["id", "owner", "title"])
        #expect(control.value(forKey: "owner")?.value.scalar == "alice")
    }

    @Test func quotedAndPlainSpellingsOfTheSameBytesAreDuplicates() throws {
        let result = YAMLParser.parse("{owner: a, 'owner': b, \"owner\": c}")
        #expect(result.problems.map(\.kind) == [.duplicateKey, .duplicateKey])
        #expect(result.problems.map(\.mark.column) == [12, 24])
        #expect(result.root?.mapping?.count == 1)
    }

    @Test func nfcAndNfdSpellingsAreDistinctKeys() throws {
        // "é" precomposed (C3 A9) and decomposed (65 CC 81): equal as Swift Strings, not as bytes.
        #expect("caf\u{E9}" == "caf\u{65}\u{301}")
        let result = YAMLParser.parse("caf\u{E9}: nfc\ncaf\u{65}\u{301}: nfd\n")
        #expect(result.problems.isEmpty)
        let pairs = try #require(result.root?.mapping)
        #expect(pairs.map { $0.value.scalar } == ["nfc", "nfd"])
    }

    @Test func sameKeyInDifferentMappingsIsFine() {
        let result = YAMLParser.parse("a: {id: 1}\nb: {id: 2}\nc: [{id: 3}, {id: 4}]\n")
        #expect(result.problems.isEmpty)
    }

    @Test func duplicateKeysCompareScalarTextAfterAliasExpansion() throws {
        let result = YAMLParser.parse("k: &name owner\nm:\n  owner: a\n  *name : b\n")
        #expect(result.problems.only?.kind == .duplicateKey)
        #expect(result.problems.only?.mark == YAMLMark(line: 4, column: 3))
    }

    @Test func collectionKeysAreReportedAndSkipped() throws {
        let result = YAMLParser.parse(
            """
            ? [a, b]
            : 1
            ? {k: v}
            : 2
            c: 3
            """)
        #expect(result.problems.map(\.kind) == [.nonScalarKey, .nonScalarKey])
        #expect(result.problems.map(\.mark) == [YAMLMark(line: 1, column: 3), YAMLMark(line: 3, column: 3)])
        #expect(result.problems.first?.message == "a mapping key must be a scalar, not a sequence")
        let root = try #require(result.root)
        #expect(root.mapping?.map { $0.key.scalar } == ["c"])
        #expect(root.value(forKey: "c")?.value.scalar == "3")
    }

    @Test func aliasToACollectionAsKeyIsNonScalar() {
        let result = YAMLParser.parse("a: &m {k: v}\nb: {*m : x, y: z}\n")
        #expect(result.problems.map(\.kind) == [.nonScalarKey])
        #expect(result.root?.value(forKey: "b")?.value.mapping?.map { $0.key.scalar } == ["y"])
    }
}
