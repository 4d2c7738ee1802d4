import DossierMarkdown
import Testing

/// Hostile and large inputs are refused before cmark-gfm sees them, or render completely. Timings are printed for
/// information only; speed is measured in the benchmark, not asserted here.
@Suite struct HostileInputTests {
    static let clock = ContinuousClock()

    @Test(arguments: [1 << 20, 4 << 20])
    func aWideTableIsRefusedBeforeParsing(maxBytes: Int) throws {
        // 5,000 columns × 200 rows: 14 s and 525 MB in Debian's gfm.6. At 2 MB it is also over the default size.
        let row = "|" + String(repeating: "a|", count: 5_000) + "\n"
        let source = row + "|" + String(repeating: "-|", count: 5_000) + "\n" + String(repeating: row, count: 198)
        var options = MarkdownOptions()
        options.limits.maxBytes = maxBytes
        var error: MarkdownError?
        let elapsed = Self.clock.measure {
            do { _ = try Markdown.render(source, options: options) } catch let caught {
                error = caught as? MarkdownError
            }
        }
        print("timing: 5,000 x 200 table (\(source.utf8.count) bytes, maxBytes \(maxBytes)) refused in \(elapsed)")
        let expected: MarkdownError =
            maxBytes < source.utf8.count
            ? .tooLarge(bytes: source.utf8.count, limit: maxBytes) : .tableTooWide(line: 1, columns: 5_000, limit: 128)
        #expect(error == expected)
    }

    @Test func aLegitimateOneMebibyteNarrativeRendersFast() throws {
        let source = Self.narrative(bytes: 1 << 20)
        var options = MarkdownOptions()
        options.referenceDefinitions = (1...300).map {
            MarkdownReferenceDefinition(label: "AC-\($0)", url: "controls/ac-\($0).html")
        }
        options.rewriteDestination = { $0.destination.hasSuffix(".md") ? "x.html" : nil }
        var document: MarkdownDocument?
        let elapsed = try Self.clock.measure { document = try Markdown.render(source, options: options) }
        let result = try #require(document)
        print(
            "timing: 1 MiB narrative (\(source.utf8.count) bytes, \(result.headings.count) headings, "
                + "\(result.links.count) links, \(result.html.utf8.count) bytes of HTML) rendered in \(elapsed)")
        #expect(result.headings.count > 1_000)
        #expect(result.literalBrackets.count > 1_000)
    }

    @Test func theLargestAllowedTableRendersFast() throws {
        let header = "|" + String(repeating: " h |", count: 128) + "\n"
        let delimiter = "|" + String(repeating: "---|", count: 128) + "\n"
        let source = header + delimiter + String(repeating: "|a\n", count: 779)  // 128 × 781 = 99,968 cells
        var document: MarkdownDocument?
        let elapsed = try Self.clock.measure { document = try Markdown.render(source) }
        print("timing: 128-column table with 99,968 cells rendered in \(elapsed)")
        #expect(occurrences(of: "<td>", in: try #require(document).html) == 128 * 779)
    }

    @Test(arguments: ["references", "padded rows"])
    func amplifyingInputsAreRefusedBeforeParsing(kind: String) throws {
        // Unbounded, gfm.6 spent 73 s and ran out of memory on the first (each [a] copies a 500 kB URL) and took
        // 54 s on the second (each 3-byte row padded to 128 cells).
        let source =
            kind == "references"
            ? "[a]: /" + String(repeating: "x", count: 500_000) + "\n\n" + String(repeating: "[a] ", count: 130_000)
            : "|" + String(repeating: " h |", count: 128) + "\n|" + String(repeating: "-|", count: 128) + "\n"
                + String(repeating: "|a\n", count: 340_000)
        var refusal: MarkdownError?
        let elapsed = Self.clock.measure {
            do { _ = try Markdown.render(source) } catch let caught { refusal = caught as? MarkdownError }
        }
        print("timing: \(kind) (\(source.utf8.count) bytes) refused in \(elapsed): \(String(describing: refusal))")
        switch refusal {
        case .referenceExpansionTooLarge(line: 1, _, _): #expect(kind == "references")
        case .tooManyTableCells(line: 2, _, _): #expect(kind == "padded rows")
        default: Issue.record("unexpected \(String(describing: refusal))")
        }
    }

    /// Prose with headings, inline and reference links, literal brackets, lists, a table, code and footnotes.
    static func narrative(bytes: Int) -> String {
        var text = ""
        var section = 0
        while text.utf8.count < bytes - 2_000 {
            section += 1
            text += """
                ## Access review \(section % 50)

                Quarterly, the security team reviews access to [production](policies/access.md) and to
                [AC-\(section % 300 + 1)] systems, records the result in the *ticket*, and links evidence such as
                ![screenshot](evidence/review-\(section).png). Exceptions like [AC-9999] are tracked.[^n\(section)]

                - [ ] export the user list from the **identity provider**
                - [x] compare it with HR's `roster.csv` and flag leavers
                - follow up with owners at https://tickets.example.com/\(section)

                | System | Owner | Reviewed |
                |--------|-------|----------|
                | Okta | IT | yes |
                | AWS | Platform | yes |

                ```yaml
                control: AC-\(section)
                ```

                [^n\(section)]: Reviewed by the CISO.


                """
        }
        return text
    }
}
