/// Where a 1-based line and column may point in an input, to check that diagnostics point inside it.
///
/// Lines are counted at LF. When the input holds other line breaks (CR, and in YAML NEL, LS and PS) the
/// parsers may count more, never longer, lines, so the bound becomes looser but stays an input bound. A column
/// counted in characters is never larger than one counted in bytes; one past the end of a line (where an
/// "unexpected end" points) is inside.
struct InputPositions {
    private let lineLengths: [Int]
    private let otherBreaks: Int

    init(_ bytes: [UInt8]) {
        lineLengths = bytes.split(separator: 10, omittingEmptySubsequences: false).map(\.count)
        var breaks = 0
        for (index, byte) in bytes.enumerated() {
            if byte == 13 {
                breaks += 1
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                breaks += 1
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
            {
                breaks += 1
            }
        }
        otherBreaks = breaks
    }

    func contains(line: Int, column: Int?) -> Bool {
        guard line >= 1, (column ?? 1) >= 1 else { return false }
        if otherBreaks == 0 {
            guard line <= lineLengths.count else { return false }
            return (column ?? 1) <= lineLengths[line - 1] + 1
        }
        return line <= lineLengths.count + otherBreaks && (column ?? 1) <= (lineLengths.max() ?? 0) + 1
    }
}
