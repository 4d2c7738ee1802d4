import Testing

@testable import DossierCore

/// RFC 4180 as exports really write it: quotes, embedded newlines, CRLF and lone CR, a BOM, ragged rows.
@Suite struct CSVReaderTests {
    typealias H = EvidenceTestHarness

    @Test func quotedFieldsHoldDelimitersQuotesAndNewlines() throws {
        let rows = try H.records("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(rows == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
    }

    @Test func crlfLoneCRBOMAndBlankLines() throws {
        #expect(
            try H.records("\u{FEFF}a,b\r\n1,2\r\n\r\n3,4\r5,6") == [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test func cellsAreTrimmedAndRaggedRowsKeepTheirLength() throws {
        #expect(try H.records(" a , b ,c\n1\n1,2,3,4\n") == [["a", "b", "c"], ["1"], ["1", "2", "3", "4"]])
    }

    @Test func excelSeparatorLineSetsTheDelimiter() throws {
        // Recognised when the first read holds the whole line (a read is 64 KiB in real runs).
        #expect(try H.records("sep=;\na;b\n1;2\n", chunk: 64) == [["a", "b"], ["1", "2"]])
    }

    @Test func lineNumbersCountEmbeddedNewlines() {
        let outcome = H.one(
            "- every: {column: ok, equals: \"yes\"}", on: "note,ok\n\"multi\nline\",yes\nplain,no\n")
        #expect(outcome.failures.map(\.line) == [4])
    }

    @Test func boundsOnRecordLengthAndCellsAreNamed() {
        var limits = EvidenceTestLimits()
        limits.maxRecordBytes = 16
        #expect(throws: CSVProblem.recordTooLong(line: 2)) {
            try H.records("a\n" + String(repeating: "x", count: 40), limits: limits)
        }
        limits = EvidenceTestLimits()
        limits.maxCells = 3
        #expect(throws: CSVProblem.tooManyCells(line: 1)) { try H.records("a,b,c,d,e\n", limits: limits) }
        let outcome = H.run(
            "- rows: {min: 1}", on: "a\n" + String(repeating: "x", count: 40), format: .csv, limits: limits16())[0]
        #expect(!outcome.passed)
        #expect(outcome.failures.first?.message.contains("record-length bound") == true)
    }

    @Test func unclosedQuoteAndUTF16AreFailuresNotCrashes() {
        #expect(throws: CSVProblem.unclosedQuote(line: 2)) { try H.records("a\n\"open\n") }
        let utf16 = H.run("- rows: {min: 1}", bytes: [0xFF, 0xFE, 0x61, 0], format: .csv)[0]
        #expect(!utf16.passed && utf16.failures[0].message.contains("UTF-16"))
    }

    func limits16() -> EvidenceTestLimits {
        var limits = EvidenceTestLimits()
        limits.maxRecordBytes = 16
        return limits
    }
}
