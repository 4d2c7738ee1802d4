/// Where each line and cell of a CSV document starts, for diagnostics: ``CSVReader`` streams records with
/// the line they start on; this finds the column (in characters) of a cell of such a record.
///
/// Lines end as the reader ends them (LF, CRLF, or a lone CR); a quoted cell may span lines.
struct CSVPositions {
    let bytes: [UInt8]
    /// Offset of the first byte of each line (index 0 is line 1).
    let lineStarts: [Int]
    /// `,`, or the delimiter an Excel `sep=X` first line names.
    let delimiter: UInt8

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0]
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                starts.append(index + 1)
            } else if bytes[index] == 13 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                starts.append(index + 1)
            }
            index += 1
        }
        lineStarts = starts
        let first = Array(bytes[starts[0]..<(starts.count > 1 ? starts[1] : bytes.count)])
        // As `CSVReader` reads it: `sep=X` then the line break, X not itself a line break or a quote (the
        // `requests` fuzz target found `sep=` + LF taken as a line-break delimiter, and columns ran off the line).
        if first.starts(with: Array("sep=".utf8)), first.count >= 6, first[5] == 10 || first[5] == 13,
            ![10, 13, 34].contains(first[4])
        {
            delimiter = first[4]
        } else {
            delimiter = 44
        }
    }

    /// 1-based line and character column of a byte offset.
    func lineAndColumn(ofByte offset: Int) -> (Int, Int) {
        var line = 0
        while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset { line += 1 }
        return (line + 1, characters(from: lineStarts[line], to: offset) + 1)
    }

    /// The 1-based line and column where cell `cell` (0-based) of the record that starts on `line` begins: a
    /// quoted cell before it may span lines.
    func position(line: Int, cell: Int) -> (line: Int, column: Int) {
        guard line >= 1, line <= lineStarts.count else { return (max(line, 1), 1) }
        var index = lineStarts[line - 1]
        var current = 0
        var quoted = false
        var row = line
        var lineStart = index
        while index < bytes.count, current < cell {
            let b = bytes[index]
            if quoted {
                if b == 34 {
                    if index + 1 < bytes.count, bytes[index + 1] == 34 { index += 1 } else { quoted = false }
                } else if b == 10 || b == 13 {
                    if b == 13, index + 1 < bytes.count, bytes[index + 1] == 10 { index += 1 }
                    row += 1
                    lineStart = index + 1
                }
            } else if b == 34 {
                quoted = true
            } else if b == delimiter {
                current += 1
            } else if b == 10 || b == 13 {
                break
            }
            index += 1
        }
        return (row, characters(from: lineStart, to: index) + 1)
    }

    /// The column just after the last character of a record's first line.
    func endColumn(line: Int) -> Int {
        guard line >= 1, line <= lineStarts.count else { return 1 }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 10 || bytes[end - 1] == 13 { end -= 1 }
        return characters(from: start, to: end) + 1
    }

    /// Characters (UTF-8 lead bytes) in `start..<end`.
    private func characters(from start: Int, to end: Int) -> Int {
        guard start < end else { return 0 }
        return bytes[start..<end].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
