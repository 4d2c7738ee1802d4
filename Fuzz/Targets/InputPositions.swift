/// Where a 1-based line and column may point in an input, to check that diagnostics point inside it.
///
/// Lines are counted at LF. When the input holds other line breaks (CR, and in YAML NEL, LS and PS) the
/// parsers may count more, never longer, lines, so the bound becomes looser but stays an input bound. A column
/// counted in characters is never larger than one counted in bytes; one past the end of a line (where an
/// "unexpected end" points) is inside.
struct InputPositions {
    private let lineLengths: [Int]
    private let otherBreaks: Int

    init(_ input: [UInt8]) {
        let bytes = Self.utf8(input)
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

    /// The input as libyaml reads it: after a UTF-16 byte order mark, UTF-16 (transcoded here to UTF-8, so a
    /// line break or character counts as it does in the parser); otherwise the bytes themselves.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else { return bytes }
        var units: [UInt16] = []
        var index = 2
        while index + 1 < bytes.count {
            let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
            units.append(littleEndian ? second << 8 | first : first << 8 | second)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
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
