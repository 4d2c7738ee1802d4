import Testing

@testable import DossierBundle

@Suite struct ManifestTests {
    @Test func rendersSortedByPathBytesAndParsesBack() {
        let digest = String(repeating: "a", count: 64)
        let bytes = Manifest.render([("data/b", digest), ("data/Z", digest), ("data/a b", digest)])
        #expect(String(decoding: bytes, as: UTF8.self) == "\(digest)  data/Z\n\(digest)  data/a b\n\(digest)  data/b\n")
        var problems: [String] = []
        let parsed = Manifest.parse(bytes, algorithm: .sha256, problems: &problems)
        #expect(problems.isEmpty)
        #expect(parsed.lines.map(\.path) == ["data/Z", "data/a b", "data/b"])
    }

    @Test func reportsLinesThatAreNotChecksumAndPath() {
        var problems: [String] = []
        let text =
            "\(String(repeating: "a", count: 64))  data/ok\nnot-a-digest data/x\n\(String(repeating: "b", count: 128))  data/wrong-length\n"
        let parsed = Manifest.parse(Array(text.utf8), algorithm: .sha256, problems: &problems)
        #expect(parsed.lines.map(\.path) == ["data/ok"])
        #expect(problems.count == 2)
    }

    @Test func bagInfoParsesContinuationLinesAndCleansValues() {
        var info = BagInfo()
        info.add("Source-Organization", "Acme\nInjected: yes")
        #expect(String(decoding: info.bytes, as: UTF8.self) == "Source-Organization: Acme Injected: yes\n")
        let parsed = BagInfo.parse("A: one\r\n  two\r\nB:three\n")
        #expect(parsed.map(\.label) == ["A", "B"])
        #expect(parsed[0].value == "one two")
        #expect(BagInfo(fields: parsed)["b"] == "three")
    }

    @Test func bagitTxtMustDeclareVersionOneInUTF8() {
        #expect(BagDeclaration.problem(with: BagDeclaration.bytes) == nil)
        #expect(
            BagDeclaration.problem(with: Array("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n".utf8)) != nil
        )
        #expect(BagDeclaration.problem(with: [0xEF, 0xBB, 0xBF] + BagDeclaration.bytes) != nil)
        #expect(BagDeclaration.problem(with: BagDeclaration.bytes + Array("Extra: x\n".utf8)) != nil)
    }
}
