import Testing

@testable import DossierCore

@Suite struct GlobTests {
    func matches(_ pattern: String, _ path: String) -> Bool { Glob(pattern).matches(Array(path.utf8)) }

    @Test func starAndQuestionStayInsideOneSegment() {
        #expect(matches("evidence/*.csv", "evidence/a.csv"))
        #expect(!matches("evidence/*.csv", "evidence/sub/a.csv"))
        #expect(matches("evidence/*/mfa-*.csv", "evidence/2026/mfa-01.csv"))
        #expect(matches("evidence/r?.txt", "evidence/r1.txt"))
        #expect(!matches("evidence/r?.txt", "evidence/r12.txt"))
        #expect(!matches("evidence/r?.txt", "evidence/r/.txt"))
    }

    @Test func globstarSpansAnyNumberOfSegments() {
        #expect(matches("evidence/**/*.pdf", "evidence/a.pdf"))
        #expect(matches("evidence/**/*.pdf", "evidence/a/b/c.pdf"))
        #expect(matches("**/*.pdf", "x/y.pdf"))
        #expect(!matches("evidence/**/*.pdf", "other/a.pdf"))
        #expect(matches("evidence/**", "evidence/a/b"))
    }

    @Test func classesRangesNegationAndEscapes() {
        #expect(matches("e/q[1-4].csv", "e/q3.csv"))
        #expect(!matches("e/q[1-4].csv", "e/q5.csv"))
        #expect(matches("e/q[!1-4].csv", "e/q5.csv"))
        #expect(matches("e/q[^1-4].csv", "e/q9.csv"))
        #expect(matches("e/a\\*b", "e/a*b"))
        #expect(!matches("e/a\\*b", "e/axb"))
        #expect(Glob.syntaxProblem("e/[abc") != nil)
        #expect(Glob.syntaxProblem("e/[abc]") == nil)
    }

    @Test func aPlainPathNamesAFileOrEverythingUnderAFolder() {
        #expect(matches("evidence/policies", "evidence/policies/a.pdf"))
        #expect(matches("evidence/policies", "evidence/policies/x/y.pdf"))
        #expect(matches("evidence/policies/a.pdf", "evidence/policies/a.pdf"))
        #expect(!matches("evidence/policies", "evidence/policies-old/a.pdf"))
        #expect(Glob("evidence/policies/*.pdf").literalPrefix == Array("evidence/policies".utf8))
    }

    @Test func starsDoNotBacktrackExponentially() {
        let path = "e/" + String(repeating: "a", count: 5_000) + "b"
        #expect(!matches("e/" + String(repeating: "*a", count: 50) + "*c", path))
    }

    @Test func nfcAndNfdSpellingsStayDistinct() {
        let nfc = "evidence/caf\u{E9}.csv"
        let nfd = "evidence/cafe\u{301}.csv"
        #expect(matches(nfc, nfc))
        #expect(!matches(nfc, nfd))
        #expect(matches("evidence/caf?.csv", nfc))
        #expect(matches("evidence/*.csv", nfd))
    }

    @Test func namesThatAreNotUTF8MatchWildcardsButNoLiteral() {
        let path: [UInt8] = Array("evidence/".utf8) + [0xFF, 0xFE] + Array(".csv".utf8)
        #expect(Glob("evidence/*.csv").matches(path))
        #expect(Glob("evidence/??.csv").matches(path))
        #expect(!Glob("evidence/y.csv").matches(path))
    }
}
