import Testing

@testable import DossierCore

@Suite struct CSVTableTests {
    @Test func quotesPerRFC4180WithCRLFRows() {
        var table = CSVTable(header: ["a", "b"])
        table.append(["x,y", "say \"hi\"\nthere"])
        let text = String(decoding: table.bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "a,b\r\n\"x,y\",\"say \"\"hi\"\"\nthere\"\r\n")
        #expect(table.bytes.prefix(3) == [0xEF, 0xBB, 0xBF])
    }

    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "\u{FF1D}1+1"])
    func neutralisesCellsASpreadsheetWouldRunAsFormulas(_ cell: String) {
        let field = CSVTable.field(cell)
        let unquoted = field.hasPrefix("\"") ? String(field.dropFirst()) : field
        #expect(unquoted.hasPrefix("'"), "\(field)")
    }

    @Test func leavesOrdinaryCellsAlone() {
        for cell in ["AC-001", "2026-03-01", "evidence/a-b.csv", "ada@example.com", "12", ""] {
            #expect(CSVTable.field(cell) == cell)
        }
    }
}
