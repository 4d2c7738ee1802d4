/// Line starts of a UTF-8 source, found while checking that it is UTF-8.
///
/// Lines end at LF, CR LF or a lone CR, as in CommonMark, so line numbers agree with cmark-gfm's.
/// A leading UTF-8 byte order mark is skipped (cmark skips it too), so columns on line 1 agree as well.
struct SourceLines {
    /// Byte offset where each line starts; index 0 is line 1. Ends with `count` when the source ends in a newline.
    private(set) var starts: [Int]
    /// Number of bytes in the source.
    let count: Int

    /// Checks every byte sequence against RFC 3629 (no overlongs, surrogates or code points past U+10FFFF).
    /// - Throws: `.invalidUTF8` at the first byte of the first bad sequence (line shifted by `firstLine - 1`).
    init(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) throws(MarkdownError) {
        let n = bytes.count
        var i = n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var starts = [i]
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0x0A {
                    starts.append(i + 1)
                } else if byte == 0x0D {
                    if i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                }
                i += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: i)
            guard length > 0 else {
                throw .invalidUTF8(line: starts.count + firstLine - 1, column: i - starts[starts.count - 1] + 1)
            }
            i += length
        }
        self.starts = starts
        self.count = n
    }

    /// Length of the valid multi-byte sequence starting at `i`, or 0 if it is not valid UTF-8.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let trailing: Int
        switch bytes[i] {
        case 0xC2...0xDF: trailing = 1
        case 0xE0:
            trailing = 2
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: trailing = 2
        case 0xED:
            trailing = 2
            high = 0x9F
        case 0xF0:
            trailing = 3
            low = 0x90
        case 0xF1...0xF3: trailing = 3
        case 0xF4:
            trailing = 3
            high = 0x8F
        default: return 0
        }
        guard i + trailing < bytes.count, (low...high).contains(bytes[i + 1]) else { return 0 }
        for k in stride(from: 2, through: trailing, by: 1) where !(0x80...0xBF).contains(bytes[i + k]) {
            return 0
        }
        return trailing + 1
    }

    /// Number of lines (a final newline does not start another line).
    var lineCount: Int {
        starts.count > 1 && starts[starts.count - 1] == count ? starts.count - 1 : starts.count
    }

    /// Byte range of line `index` (0-based) without its line ending.
    func range<Bytes: RandomAccessCollection<UInt8>>(ofLine index: Int, in bytes: Bytes) -> Range<Int>
    where Bytes.Index == Int {
        let start = starts[index]
        guard index + 1 < starts.count else { return start..<count }
        var end = starts[index + 1] - 1
        if bytes[end] == 0x0A && end > start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<end
    }
}
