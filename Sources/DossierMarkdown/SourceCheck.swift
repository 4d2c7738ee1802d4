/// The bounds of `MarkdownLimits` checked on the source bytes, in one pass over its lines, before parsing.
///
/// The table and reference estimates are deliberately generous upper bounds computed without parsing:
/// they may overcount, never undercount, so a document that passes cannot trigger gfm.6's blowups.
enum SourceCheck {
    /// - Parameters:
    ///   - ownDefinitionLength: length of the longest appended reference definition line.
    ///   - firstLine: added (minus one) to every reported line.
    static func run(
        _ bytes: UnsafeBufferPointer<UInt8>, lines: SourceLines, limits: MarkdownLimits,
        ownDefinitionLength: Int, firstLine: Int
    ) throws(MarkdownError) {
        let shift = firstLine - 1
        var closingBrackets = 0
        // Table cell estimate: within a run of non-blank lines, every line after a delimiter row counts that width.
        var tableWidth = 0
        var tableLine = 0
        var tableCells = 0
        // Reference definitions: the largest run of non-blank lines containing "]:".
        var paragraphStart = 0
        var paragraphBytes = 0
        var paragraphHasDefinition = false
        var largestDefinition = (bytes: 0, line: 0)

        func endParagraph() {
            if paragraphHasDefinition && paragraphBytes > largestDefinition.bytes {
                largestDefinition = (paragraphBytes, paragraphStart)
            }
            paragraphBytes = 0
            paragraphHasDefinition = false
            tableWidth = 0
        }

        for index in 0..<lines.starts.count {
            let range = lines.range(ofLine: index, in: bytes)
            let line = Self.scan(bytes, range)
            let lineNumber = index + 1 + shift
            closingBrackets += line.closingBrackets
            if line.cells > limits.maxTableColumns {
                throw .tableTooWide(line: lineNumber, columns: line.cells, limit: limits.maxTableColumns)
            }
            if line.isBlank {
                endParagraph()
                continue
            }
            if paragraphBytes == 0 { paragraphStart = lineNumber }
            let next = index + 1 < lines.starts.count ? lines.starts[index + 1] : lines.count
            paragraphBytes += next - range.lowerBound
            paragraphHasDefinition = paragraphHasDefinition || line.hasDefinitionMarker
            if line.isDelimiterRow {
                if line.cells > tableWidth { tableWidth = line.cells }
                tableLine = lineNumber
                tableCells += line.cells  // the header row above it
            } else if tableWidth > 0 {
                tableCells += tableWidth
            }
            if tableCells > limits.maxTableCells {
                throw .tooManyTableCells(line: tableLine, cells: tableCells, limit: limits.maxTableCells)
            }
        }
        endParagraph()

        // Appended definitions are single lines after the source; blame them only when they are the larger.
        let ownIsLarger = ownDefinitionLength > largestDefinition.bytes
        let definitionBytes = ownIsLarger ? ownDefinitionLength : largestDefinition.bytes
        let (expansion, overflow) = closingBrackets.multipliedReportingOverflow(by: definitionBytes)
        if overflow || expansion > limits.maxReferenceExpansion {
            throw .referenceExpansionTooLarge(
                line: ownIsLarger ? lines.lineCount + 2 + shift : largestDefinition.line,
                bytes: overflow ? Int.max : expansion, limit: limits.maxReferenceExpansion)
        }
    }

    // MARK: - One line

    struct Line {
        var cells = 1
        var isBlank = true
        var isDelimiterRow = false
        var hasDefinitionMarker = false
        var closingBrackets = 0
    }

    /// Cells split at unescaped `|` (a leading and a trailing pipe open and close the row, as in GFM),
    /// whether the line could be a table delimiter row (even inside `>` or list markers), `]:` and `]` counts.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Line {
        var line = Line()
        var pipes = 0
        var firstNonBlank: UInt8 = 0
        var lastNonBlank: UInt8 = 0
        var lastNonBlankEscaped = false
        var delimiterBytesOnly = true
        var hasDash = false
        var escaped = false
        var previous: UInt8 = 0
        for i in range {
            let byte = bytes[i]
            if byte != 0x20 && byte != 0x09 {
                if line.isBlank { firstNonBlank = byte }
                line.isBlank = false
                lastNonBlank = byte
                lastNonBlankEscaped = escaped
            }
            switch byte {
            case UInt8(ascii: "|"):
                if !escaped { pipes += 1 }
            case UInt8(ascii: "-"):
                hasDash = true
            case UInt8(ascii: "]"):
                line.closingBrackets += 1
                delimiterBytesOnly = false
            case UInt8(ascii: ":"):
                if previous == UInt8(ascii: "]") { line.hasDefinitionMarker = true }
            case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: ")"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break  // may appear in a delimiter row, or in the container markers before it
            default:
                delimiterBytesOnly = false
            }
            escaped = byte == UInt8(ascii: "\\") && !escaped
            previous = byte
        }
        if pipes > 0 {
            let leading = firstNonBlank == UInt8(ascii: "|") ? 1 : 0
            let trailing = lastNonBlank == UInt8(ascii: "|") && !lastNonBlankEscaped ? 1 : 0
            line.cells = max(1, pipes + 1 - leading - trailing)
        }
        line.isDelimiterRow = delimiterBytesOnly && hasDash && pipes > 0
        return line
    }
}
