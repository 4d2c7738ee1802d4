import DossierYAML
import Testing

/// Anchors and aliases: expanded by copying, counted, and checked for cycles.
@Suite struct YAMLAliasTests {
    @Test func aliasCopiesTheAnchoredNode() throws {
        let result = YAMLParser.parse(
            """
            defaults: &d
              owner: alice
              review: quarterly
            control: *d
            """)
        #expect(result.problems.isEmpty)
        let root = try #require(result.root)
        let copy = try #require(root.value(forKey: "control")?.value)
        #expect(copy.value(forKey: "owner")?.value.scalar == "alice")
        #expect(copy.mapping?.count == 2)
        // The copy starts at the alias; what is inside keeps the marks of the text it came from.
        #expect(copy.mark == YAMLMark(line: 4, column: 10))
        #expect(copy.value(forKey: "owner")?.value.mark == YAMLMark(line: 2, column: 10))
    }

    @Test func anchorsMayBeRedefinedAndTheLatestWins() throws {
        let root = try #require(YAMLParser.parse("a: &x one\nb: *x\nc: &x two\nd: *x\n").root)
        #expect(root.mapping?.map { $0.value.scalar } == ["one", "one", "two", "two"])
    }

    @Test func anchorRedefinedInsideItsOwnNodeIsTheLaterDefinition() throws {
        // The inner `&x` is written after the outer one, so it is the most recent definition.
        let root = try #require(YAMLParser.parse("a: &x [&x inner]\nb: *x\n").root)
        #expect(root.value(forKey: "b")?.value.scalar == "inner")
    }

    @Test(arguments: ["a: &a [*a]\n", "a: &a {k: *a}\n", "&r\n- x\n- [*r]\n"])
    func aliasInsideItsOwnAnchorIsRecursive(text: String) throws {
        let result = YAMLParser.parse(text)
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .recursiveAlias)
    }

    @Test func recursiveAliasIsReportedAtTheAlias() {
        let result = YAMLParser.parse("a: &a [x, *a]\n")
        #expect(result.problems.only?.mark == YAMLMark(line: 1, column: 11))
        #expect(result.problems.only?.message == "alias '*a' refers to a node that contains it")
    }

    @Test func aliasToUnknownAnchorIsUndefined() throws {
        let result = YAMLParser.parse("a: 1\nb: *nowhere\nc: &later 2\n")
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .undefinedAlias)
        #expect(problem.mark == YAMLMark(line: 2, column: 4))
        #expect(problem.message == "alias '*nowhere' refers to no anchor defined before it")
    }

    @Test func aliasUsedBeforeItsAnchorIsUndefined() {
        let result = YAMLParser.parse("b: *later\nc: &later 2\n")
        #expect(result.problems.only?.kind == .undefinedAlias)
    }

    @Test func billionLaughsStopsQuicklyWithTooManyNodes() throws {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            let aliases = Array(repeating: "*\(previous)", count: 10).joined(separator: ", ")
            text += "\(name): &\(name) [\(aliases)]\n"
        }
        let result: YAMLParseResult? = YAMLParser.parse(text)
        #expect(result?.root == nil)
        let problem = try #require(result?.problems.only)
        #expect(problem.kind == .tooManyNodes)
        #expect(problem.mark.line == 6)  // f: 10^6 lols is the first to pass the default 1,000,000
    }

    @Test func everyCopiedNodeCountsAgainstTheLimit() {
        // root, a, [ ], 1, 2, b, and the alias's copy of 3 nodes: 9 in all.
        let text = "a: &x [1, 2]\nb: *x\n"
        var limits = YAMLLimits()
        limits.maxNodes = 9
        #expect(YAMLParser.parse(text, limits: limits).problems.isEmpty)
        limits.maxNodes = 8
        let result = YAMLParser.parse(text, limits: limits)
        #expect(result.root == nil)
        #expect(result.problems.map(\.kind) == [.tooManyNodes])
        #expect(result.problems.first?.mark == YAMLMark(line: 2, column: 4))
    }

    @Test func droppedDuplicatePairIsNotCopiedByAnAlias() throws {
        let result = YAMLParser.parse("a: &m {k: 1, k: [2, 3]}\nb: *m\n")
        #expect(result.problems.map(\.kind) == [.duplicateKey])
        #expect(result.root?.value(forKey: "b")?.value.value(forKey: "k")?.value.scalar == "1")
    }
}
