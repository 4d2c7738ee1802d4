import Testing

@testable import DossierBundle

@Suite struct BagPathTests {
    static let refused: [(String, String)] = [
        ("evidence/a\rb.csv", "line break"), ("evidence/a\nb.csv", "line break"), ("evidence/100%.csv", "`%`"),
        ("evidence/tab\there.csv", "control character"), ("evidence\\win.csv", "backslash"),
    ]

    @Test(arguments: refused)
    func refusesNamesAValidatorCannotRoundTrip(_ name: String, _ reason: String) throws {
        let problem = try #require(BagPath.problem(with: Array(name.utf8)))
        #expect(problem.contains(reason))
    }

    @Test func refusesNamesThatAreNotUTF8() {
        #expect(BagPath.problem(with: Array("evidence/".utf8) + [0xFF, 0x41])?.contains("UTF-8") == true)
    }

    @Test func acceptsUnicodeSpacesAndPunctuation() {
        #expect(BagPath.problem(with: Array("evidence/Zoë résumé (final) #2 ☃.txt".utf8)) == nil)
    }

    @Test func twinsCollideAfterNormalisationAndCaseFolding() {
        let nfc = "evidence/Zo\u{EB}.txt"
        let nfd = "evidence/Zoe\u{308}.txt"
        #expect(Array(nfc.utf8) != Array(nfd.utf8))
        #expect(BagPath.collisionKey(nfc) == BagPath.collisionKey(nfd))
        #expect(BagPath.collisionKey("Evidence/REPORT.csv") == BagPath.collisionKey("evidence/report.csv"))
        #expect(BagPath.collisionKey("evidence/a.csv") != BagPath.collisionKey("evidence/b.csv"))
    }

    @Test func manifestPathsDecodeOnlyTheThreeRFCEscapes() {
        #expect(BagPath.decodeManifestPath("data/a%0Db%0Ac%25d") == "data/a\rb\nc%d")
        #expect(BagPath.decodeManifestPath("data/a%20b") == "data/a%20b")
    }
}
