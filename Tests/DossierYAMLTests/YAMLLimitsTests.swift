import DossierYAML
import Testing

/// Size, depth and node bounds, and the time it takes to hit them.
@Suite struct YAMLLimitsTests {
    @Test func inputOverMaxBytesIsRefusedUnparsed() throws {
        var limits = YAMLLimits()
        limits.maxBytes = 10
        #expect(YAMLParser.parse("a: 1234567", limits: limits).problems.isEmpty)  // exactly 10 bytes
        // Over the limit nothing is parsed: even a syntax error further on is not reported.
        let result = YAMLParser.parse("a: 12345678 [", limits: limits)
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .tooLarge)
        #expect(problem.mark == YAMLMark(line: 1, column: 1))
    }

    @Test func defaultLimits() {
        let limits = YAMLLimits()
        #expect(limits.maxBytes == 4 * 1024 * 1024)
        #expect(limits.maxDepth == 64)
        #expect(limits.maxNodes == 1_000_000)
    }

    @Test func nestingUpToMaxDepthIsFineAndOneMoreIsTooDeep() throws {
        let depth = YAMLLimits().maxDepth
        let fits = YAMLParser.parse(String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth))
        #expect(fits.problems.isEmpty)
        #expect(fits.root != nil)

        let over = YAMLParser.parse(
            String(repeating: "[", count: depth + 1) + "x" + String(repeating: "]", count: depth + 1))
        #expect(over.root == nil)
        let problem = try #require(over.problems.only)
        #expect(problem.kind == .tooDeep)
        #expect(problem.mark == YAMLMark(line: 1, column: depth + 1))
    }

    @Test func blockNestingCountsToo() throws {
        var limits = YAMLLimits()
        limits.maxDepth = 3
        #expect(YAMLParser.parse("a:\n  b:\n    - x\n", limits: limits).problems.isEmpty)
        let result = YAMLParser.parse("a:\n  b:\n    c:\n      d: x\n", limits: limits)
        #expect(result.root == nil)
        #expect(result.problems.only?.kind == .tooDeep)
        #expect(result.problems.only?.mark == YAMLMark(line: 4, column: 7))
    }

    @Test(arguments: [
        String(repeating: "[", count: 100_000),
        String(repeating: "{a: ", count: 100_000),
        String(repeating: "- ", count: 100_000) + "x",
        String(repeating: "[\n", count: 100_000),
    ])
    func hundredThousandLevelsStopFast(text: String) {
        let result: YAMLParseResult? = YAMLParser.parse(text)
        #expect(result?.root == nil)
        #expect(result?.problems.map(\.kind) == [.tooDeep])
    }

    @Test func aliasCannotSmuggleInExtraDepth() throws {
        var limits = YAMLLimits()
        limits.maxDepth = 4
        // The anchored node is 3 levels; copied 2 levels down it would make 5.
        let text = "a: &deep [[[x]]]\nb: [*deep]\n"
        let result = YAMLParser.parse(text, limits: limits)
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .tooDeep)
        #expect(problem.mark == YAMLMark(line: 2, column: 5))
        limits.maxDepth = 5
        #expect(YAMLParser.parse(text, limits: limits).problems.isEmpty)
    }

    @Test func wideFlatInputHitsTheNodeLimit() throws {
        var limits = YAMLLimits()
        limits.maxNodes = 1_000
        let text = "[" + Array(repeating: "x", count: 1_000).joined(separator: ", ") + "]"
        let result = YAMLParser.parse(text, limits: limits)
        #expect(result.root == nil)
        #expect(result.problems.only?.kind == .tooManyNodes)
        #expect(result.problems.only?.mark == YAMLMark(line: 1, column: 2 + 3 * 999))  // the 1,001st node: item 999

    }
}
