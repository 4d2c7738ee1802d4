import DossierCore
import Testing

@Suite struct RequestCSVImportTests {
    static let importer = RequestCSVImport(file: "pbc.csv", controls: ["AC-001", "CHG-001"])

    static func read(_ text: String) -> (RequestList?, [Diagnostic]) {
        read(Array(text.utf8))
    }

    static func read(_ bytes: [UInt8]) -> (RequestList?, [Diagnostic]) {
        let log = DiagnosticLog()
        let list = importer.read(bytes, into: log)
        return (list, log.diagnostics)
    }

    @Test func columnsAreRecognisedByNameAndTheRestKept() throws {
        let (list, diagnostics) = Self.read(
            "\u{FEFF}Request #,Request,tsc reference,CONTROL ID,Due date,Assigned To,Date Range,Auditor Notes\r\n"
                + "PBC-1,\"Changes, all of them\",\"CC8.1, CC6.1\",CHG-001;AC-001,2026-10-20,eng@x,2026-01-01..2026-06-30,\"say \"\"hi\"\"\"\r\n"
                + "PBC-2,Policies,,,,,,\r\n")
        #expect(diagnostics.isEmpty)
        let requests = try #require(list).requests
        #expect(list?.columns.count == 8 && list?.columns.last == "Auditor Notes")
        #expect(requests.map(\.id) == ["PBC-1", "PBC-2"])
        #expect(requests[0].description == "Changes, all of them")
        #expect(requests[0].criteria == ["CC8.1", "CC6.1"])
        #expect(requests[0].controls == ["CHG-001", "AC-001"])
        #expect(requests[0].due?.description == "2026-10-20")
        #expect(requests[0].assignee == "eng@x")
        #expect(
            requests[0].period
                == AuditPeriod(start: CalendarDay(iso: "2026-01-01")!, end: CalendarDay(iso: "2026-06-30")!))
        #expect(requests[0].cells == ["Auditor Notes": "say \"hi\""])
        #expect(requests[0].mark?.line == 2)
        #expect(requests[1].controls.isEmpty && requests[1].due == nil && requests[1].assignee == nil)
    }

    @Test func eachMistakeIsOneErrorAtItsCellAndNothingIsReturned() throws {
        let (list, diagnostics) = Self.read(
            "ID,Control,Due\n"
                + "A,AC-01,2026-10-01\n"  // unknown control at column 3
                + "B,CHG-001,10/01/2026\n"  // bad date at column 11
                + "A,AC-001,\n"  // duplicate id at column 1
                + ",AC-001,\n"  // missing id
                + "C,AC-001\n"  // too few cells
                + "D,AC-001,,extra\n")  // too many cells: the extra one
        #expect(list == nil)
        let found = diagnostics.map { "\($0.code.rawValue)@\($0.line!):\($0.column!)" }
        #expect(
            found == [
                "requests.unknown-control@2:3", "requests.csv-bad-date@3:11", "requests.duplicate-id@4:1",
                "requests.csv-missing-id@5:1", "requests.csv-ragged@6:9", "requests.csv-ragged@7:11",
            ])
        #expect(diagnostics[0].hint?.contains("AC-001") == true)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.file == "pbc.csv" })
    }

    @Test func columnsCountCharactersAndSkipQuotedDelimiters() throws {
        let (_, diagnostics) = Self.read("ID,Note,Control\n\"é, ü\",\"a,b\",NOPE\n")
        #expect(diagnostics.map(\.code) == [.requestsUnknownControl])
        #expect(diagnostics.first?.line == 2 && diagnostics.first?.column == 14)
    }

    @Test func wrongEncodingsAreRefusedWithTheirPosition() {
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("I\0D\0".utf8)
        #expect(Self.read(utf16).1.map(\.code) == [.requestsCSVEncoding])
        var latin1 = Array("ID,Description\nA,caf".utf8)
        latin1.append(0xE9)  // é in Latin-1
        let (list, diagnostics) = Self.read(latin1 + Array("\n".utf8))
        #expect(list == nil)
        #expect(diagnostics.map(\.code) == [.requestsCSVEncoding])
        #expect(diagnostics.first?.line == 2 && diagnostics.first?.column == 6)
    }

    @Test func aHeaderWithoutIdsOrWithTwinsIsRefused() {
        #expect(Self.read("Description,Control\nx,AC-001\n").1.map(\.code) == [.requestsCSVNoIDColumn])
        #expect(Self.read("").1.map(\.code) == [.requestsCSVNoIDColumn])
        #expect(Self.read("ID,Note,note\nA,b,c\n").1.map(\.code) == [.requestsCSVDuplicateColumn])
        #expect(Self.read("ID,Ref\nA,B\n").1.map(\.code) == [.requestsCSVDuplicateColumn])
        #expect(Self.read("ID,Note\nA,\"never closed\n").1.map(\.code) == [.requestsCSVMalformed])
    }

    /// Found by the `requests` fuzz target: after a quoted cell that spans lines, a cell's position is on the
    /// line where it starts, not past the end of the record's first line.
    @Test func cellsAfterAMultiLineCellArePlacedOnTheirOwnLine() {
        let (_, diagnostics) = Self.read("ID,\"Long\nheader\",Note,note\nA,\"two\r\nlines\",x,y,z\nB,\"b\nb\",10/1,x\n")
        let found = diagnostics.map { "\($0.code.rawValue)@\($0.line!):\($0.column!)" }
        #expect(found == ["requests.csv-duplicate-column@2:14", "requests.csv-ragged@4:12"])
    }

    /// Found by the `requests` fuzz target in a second run on main: a request id of only white space (a
    /// vertical tab) was imported, and the `requests.yaml` written from it did not load.
    @Test func anIdOfOnlyWhiteSpaceIsMissing() {
        #expect(Self.read("ID\n\u{0B}\n").1.map(\.code) == [.requestsCSVMissingID])
        #expect(Self.read("ID,Note\n \t,x\n").1.map(\.code) == [.requestsCSVMissingID])
    }

    /// Found by the `requests` fuzz target: `sep=` with nothing before the line break made LF the delimiter for
    /// positions, so a cell's column ran past its line. `sep=X` counts only as the reader reads it.
    @Test func aSepLineWithoutADelimiterIsData() {
        let (_, diagnostics) = Self.read("sep=\nID,note,Note\nA,b,c\n")
        for diagnostic in diagnostics {
            #expect(diagnostic.line! <= 4)
            #expect(diagnostic.column! <= 12)
        }
        let (list, semicolons) = Self.read("sep=;\nID;Note\nA;b\n")
        #expect(semicolons.isEmpty)
        #expect(list?.requests.map(\.id) == ["A"])
    }
}
