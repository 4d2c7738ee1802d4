import Testing

@testable import DossierCore

/// The regex subset, and the reason it exists: no pattern can make a value take more than linear time.
@Suite struct LinearRegexTests {
    @Test(arguments: [
        ("[a-z.]+@northwind\\.example", "ann.lee@northwind.example", true),
        ("[a-z.]+@northwind\\.example", "ann@northwindXexample", false),
        ("a|bc", "bc", true),
        ("(ab)+", "ababab", true),
        ("(ab)+", "ababa", false),
        ("\\d{4}-\\d{2}-\\d{2}", "2026-06-30", true),
        ("x{2,3}", "xxxx", false),
        ("x{2,}", "xxxxxxx", true),
        ("[^0-9]*", "abc", true),
        ("[^0-9]*", "ab1", false),
        ("(?:yes|no)?", "", true),
        ("a.c", "a\nc", false),
    ])
    func wholeMatch(pattern: String, text: String, expected: Bool) throws {
        #expect((try LinearRegex(pattern).wholeMatch(text) == .match) == expected)
    }

    @Test func searchFindsAMatchInsideALine() throws {
        #expect(try LinearRegex("duration: [0-9]+s").firstMatch("ok, duration: 41s total") == .match)
        #expect(try LinearRegex("^total").firstMatch("grand total") == .noMatch)
        #expect(try LinearRegex("total$").firstMatch("grand total") == .match)
    }

    @Test func catastrophicPatternsRunInLinearTime() throws {
        let regex = try LinearRegex("(a+)+$")
        let text = String(repeating: "a", count: 100_000) + "b"
        let start = ContinuousClock.now
        #expect(regex.wholeMatch(text) == .noMatch)
        #expect(try LinearRegex("(a|a)*(a|a)*c").firstMatch(String(repeating: "a", count: 20_000)) == .noMatch)
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func theWorkBoundStopsAHugeValue() throws {
        let regex = try LinearRegex("(a|b|c|d|e|f|g|h)*z", stepLimit: 100_000)
        #expect(regex.wholeMatch(String(repeating: "a", count: 50_000) + "z") == .tooMuchWork)
        #expect(regex.wholeMatch(String(repeating: "a", count: 1_000) + "z") == .match)
    }

    @Test(arguments: ["(a", "a)", "a{2", "*a", "(?=a)", "(a)\\1", "[z-a]", "a{1000}", "\\q", "[abc"])
    func outsideTheSubsetIsRefused(pattern: String) {
        #expect(throws: RegexSyntaxError.self) { try LinearRegex(pattern) }
    }
}
