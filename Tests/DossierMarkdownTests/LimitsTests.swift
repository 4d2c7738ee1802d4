import DossierMarkdown
import Testing

@Suite struct LimitsTests {
    @Test func refusesSourcesOverMaxBytes() throws {
        var options = MarkdownOptions()
        options.limits.maxBytes = 10
        #expect(throws: MarkdownError.tooLarge(bytes: 11, limit: 10)) {
            try Markdown.render("12345678901", options: options)
        }
        #expect(try Markdown.render("1234567890", options: options).html == "<p>1234567890</p>\n")
    }

    @Test func refusesTooWideTableRowsWithTheirLine() throws {
        let wide = "|" + String(repeating: " a |", count: 129) + "\n"
        #expect(throws: MarkdownError.tableTooWide(line: 3, columns: 129, limit: 128)) {
            try render("# Title\n\n" + wide)
        }
    }

    @Test func acceptsTablesAtTheColumnLimitAndIgnoresEscapedPipes() throws {
        let header = "|" + String(repeating: " h |", count: 128) + "\n"
        let delimiter = "|" + String(repeating: "---|", count: 128) + "\n"
        let document = try render(header + delimiter + header)
        #expect(occurrences(of: "<th>", in: document.html) == 128)
        let escaped = "a " + String(repeating: "\\| ", count: 300) + "b\n"
        #expect(try render(escaped).html.hasPrefix("<p>a |"))
    }

    @Test func refusesShortRowsPaddedUnderAWideHeader() throws {
        // Every row is padded to the header's width: 3 bytes per row, 100 cells per row.
        let header = "|" + String(repeating: " h |", count: 100) + "\n"
        let delimiter = "|" + String(repeating: "---|", count: 100) + "\n"
        let source = "Intro\n\n" + header + delimiter + String(repeating: "|a\n", count: 2_000)
        #expect(throws: MarkdownError.tooManyTableCells(line: 4, cells: 100_100, limit: 100_000)) {
            try render(source)
        }
    }

    @Test func refusesReferenceDefinitionsThatWouldBeCopiedTooOften() throws {
        // Each [a] copies the 100 kB URL: 2,000 uses would make 200 MB of HTML.
        let source =
            "[a]: /" + String(repeating: "x", count: 100_000) + "\n\n" + String(repeating: "[a] ", count: 2_000)
        #expect {
            try render(source)
        } throws: { error in
            guard case MarkdownError.referenceExpansionTooLarge(let line, _, _) = error else { return false }
            return line == 1
        }
        let small = "[a]: /short\n\n" + String(repeating: "[a] ", count: 2_000) + "\n"
        #expect(try render(small).links.count == 2_000)
    }

    @Test func refusesInvalidUTF8WithLineAndColumn() throws {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xC3, 0x28] + Array(" rest\n".utf8)
        #expect(throws: MarkdownError.invalidUTF8(line: 2, column: 3)) { try Markdown.render(bytes) }
    }

    @Test(
        arguments: [
            [0xC0, 0xAF],  // overlong "/"
            [0xED, 0xA0, 0x80],  // UTF-16 surrogate
            [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
            [0xE2, 0x82],  // truncated at the end
            [0x80],  // lone continuation byte
        ] as [[UInt8]])
    func refusesEveryKindOfBadSequence(bad: [UInt8]) throws {
        let bytes = Array("x\r\ny\rz".utf8) + bad
        #expect(throws: MarkdownError.invalidUTF8(line: 3, column: 2)) { try Markdown.render(bytes) }
    }

    @Test func acceptsValidMultibyteTextAndABOM() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Ünïcødé 𝄞 €\n".utf8)
        #expect(try Markdown.render(bytes).html == "<p>Ünïcødé 𝄞 €</p>\n")
    }

    @Test func shiftsErrorLinesByFirstLine() throws {
        let wide = String(repeating: "a|", count: 200) + "\n"
        #expect(throws: MarkdownError.tableTooWide(line: 11, columns: 200, limit: 128)) {
            try render("x\n" + wide) { $0.firstLine = 10 }
        }
    }

    @Test func errorsExplainThemselves() {
        let errors: [MarkdownError] = [
            .tooLarge(bytes: 2, limit: 1), .tableTooWide(line: 1, columns: 2, limit: 1),
            .tooManyTableCells(line: 1, cells: 2, limit: 1), .referenceExpansionTooLarge(line: 1, bytes: 2, limit: 1),
            .invalidUTF8(line: 1, column: 1), .invalidReferenceDefinition(label: "x", reason: "y"),
            .libraryFailure("z"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.hint.isEmpty)
        }
        #expect(MarkdownError.tableTooWide(line: 7, columns: 300, limit: 128).description.contains("line 7"))
    }
}
