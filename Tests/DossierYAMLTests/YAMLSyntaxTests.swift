import DossierYAML
import Testing

/// libyaml's refusals, with its own words and a 1-based mark.
@Suite struct YAMLSyntaxTests {
    @Test func syntaxErrorKeepsLibyamlProblemAndContext() throws {
        let result = YAMLParser.parse("id: x\nowners: [alice, bob\nstatus: done\n")
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .syntax)
        #expect(
            problem.message
                == "did not find expected ',' or ']' (while parsing a flow sequence that started at line 2, column 9)")
        #expect(problem.mark == YAMLMark(line: 3, column: 7))
    }

    @Test func scannerErrorAtItsMark() throws {
        let result = YAMLParser.parse("a: 1\nb: \"open\nc: 2\n")
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .syntax)
        #expect(problem.message.hasPrefix("found unexpected end of stream"))
        #expect(problem.message.contains("while scanning a quoted scalar that started at line 2, column 4"))
        #expect(problem.mark == YAMLMark(line: 4, column: 1))
    }

    @Test func errorAtEndOfFileWithoutFinalNewlineStaysOnTheLastLine() throws {
        // libyaml itself says line 2, column 1: a line this file does not have.
        let clamped = try #require(YAMLParser.parse("a: [1, 2").problems.only)
        #expect(clamped.mark == YAMLMark(line: 1, column: 9))
        #expect(clamped.message.hasSuffix("(while parsing a flow sequence that started at line 1, column 4)"))
        let withNewline = try #require(YAMLParser.parse("a: [1, 2\n").problems.only)
        #expect(withNewline.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func tabIndentationIsASyntaxError() throws {
        let result = YAMLParser.parse("a:\n\tb: 1\n")
        #expect(result.root == nil)
        #expect(result.problems.only?.kind == .syntax)
        #expect(result.problems.only?.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func invalidUTF8KeepsLibyamlMessageAndPointsAtTheByte() throws {
        let bytes = Array("a: b\nc: ".utf8) + [0xFF] + Array("\n".utf8)
        let result = YAMLParser.parse(bytes)
        #expect(result.root == nil)
        let problem = try #require(result.problems.only)
        #expect(problem.kind == .syntax)
        #expect(problem.message == "invalid leading UTF-8 octet (byte 0xFF)")
        #expect(problem.mark == YAMLMark(line: 2, column: 4))
    }

    @Test func badTrailingOctetPointsAtItsCharacter() throws {
        // "é" (two bytes) then a lead byte 0xC3 followed by "(" instead of a continuation byte.
        let bytes = Array("k: é".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let problem = try #require(YAMLParser.parse(bytes).problems.only)
        #expect(problem.message == "invalid trailing UTF-8 octet (byte 0x28)")
        #expect(problem.mark == YAMLMark(line: 1, column: 5))
    }

    @Test func readerErrorMarkSkipsBOMAndCountsEveryLineBreak() throws {
        // BOM, CR LF, lone CR, NEL: three breaks, and the BOM is not a column.
        let bytes: [UInt8] =
            [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: 2\rc: 3".utf8) + [0xC2, 0x85]
            + Array("dé: ".utf8) + [0x07]
        let problem = try #require(YAMLParser.parse(bytes).problems.only)
        #expect(problem.message == "control characters are not allowed (U+0007)")
        #expect(problem.mark == YAMLMark(line: 4, column: 5))
    }

    @Test func readerErrorMarkInUTF16Input() throws {
        // libyaml decodes UTF-16 after a BOM; the reader error offset is then counted in UTF-16.
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in "a: 1\nbé: ".utf16 + [0x0007] { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let problem = try #require(YAMLParser.parse(bytes).problems.only)
        #expect(problem.message == "control characters are not allowed (U+0007)")
        #expect(problem.mark == YAMLMark(line: 2, column: 5))
        #expect(problem.hint?.hasPrefix("remove the character") == true)
    }

    @Test func truncatedUTF8AtEndIsASyntaxError() throws {
        let problem = try #require(YAMLParser.parse(Array("k: v".utf8) + [0xE2, 0x82]).problems.only)
        #expect(problem.kind == .syntax)
        #expect(problem.message == "incomplete UTF-8 octet sequence")
        #expect(problem.mark == YAMLMark(line: 1, column: 5))
    }

    @Test func problemsFoundBeforeASyntaxErrorAreKept() throws {
        let result = YAMLParser.parse("a: 1\na: 2\nb: [\n")
        #expect(result.root == nil)
        #expect(result.problems.map(\.kind) == [.duplicateKey, .syntax])
    }
}
