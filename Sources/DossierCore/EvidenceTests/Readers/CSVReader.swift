/// Reads CSV (RFC 4180) or TSV one record at a time from chunks, in memory bounded by ``EvidenceTestLimits``
/// whatever the file's size.
///
/// Quoted fields may hold the delimiter, `""` and line breaks; records end at LF, CRLF or a lone CR; a UTF-8
/// BOM is skipped; Excel's `sep=;` first line sets the delimiter. A record longer than
/// ``EvidenceTestLimits/maxRecordBytes`` or with more than ``EvidenceTestLimits/maxCells`` cells stops the
/// read with a ``CSVProblem`` naming the bound. Written for Dossier (rather than CSV.swift or SwiftCSV, which
/// hold whole files or whole rows as `String`s without a bound) because the bounds must hold on hostile input.
struct CSVReader {
    /// Fills the buffer and returns how many bytes it wrote; 0 at end of file.
    typealias Source = (UnsafeMutableRawBufferPointer) throws -> Int

    private let source: Source
    private let limits: EvidenceTestLimits
    private var delimiter: UInt8
    private var chunk: [UInt8]
    private var chunkCount = 0
    private var offset = 0
    private var atEOF = false
    private var started = false
    /// 1-based line of the next byte.
    private var line = 1
    private var pendingCR = false

    init(delimiter: UInt8, limits: EvidenceTestLimits, chunkSize: Int = 1 << 16, source: @escaping Source) {
        self.delimiter = delimiter
        self.limits = limits
        self.source = source
        self.chunk = [UInt8](repeating: 0, count: chunkSize)
    }

    private mutating func nextByte() throws -> UInt8? {
        if offset == chunkCount {
            if atEOF { return nil }
            chunkCount = try chunk.withUnsafeMutableBytes { try source($0) }
            offset = 0
            if chunkCount == 0 {
                atEOF = true
                return nil
            }
        }
        let byte = chunk[offset]
        offset += 1
        return byte
    }

    private mutating func peekByte() throws -> UInt8? {
        guard let byte = try nextByte() else { return nil }
        offset -= 1
        return byte
    }

    /// The next record, reusing `record`'s storage; false at end of file. Blank lines are skipped.
    mutating func next(into record: inout CSVRecord) throws -> Bool {
        if !started {
            started = true
            try skipPreamble()
        }
        while true {
            record.clear()
            record.line = line
            guard try readRecord(&record) else { return false }
            if record.ends.count == 1 && record.ends[0] == 0 && !record.quoted { continue }  // blank line
            return true
        }
    }

    private mutating func skipPreamble() throws {
        var head: [UInt8] = []
        while head.count < 3, let b = try peekByte(), b == [0xEF, 0xBB, 0xBF][head.count] {
            head.append(b)
            _ = try nextByte()
        }
        if head.count > 0 && head.count < 3 { throw CSVProblem.encoding("a broken UTF-8 byte order mark") }
        if let b = try peekByte(), b == 0xFF || b == 0xFE || b == 0 {
            throw CSVProblem.encoding("UTF-16 (or binary) data; export the file as UTF-8")
        }
        // Excel: `sep=;` alone on the first line. Only looked for when the chunk holds the whole line.
        let rest = chunk[offset..<chunkCount]
        if rest.starts(with: Array("sep=".utf8)), rest.count >= 6 {
            let after = rest[rest.startIndex + 5]
            if after == 10 || after == 13 {
                delimiter = rest[rest.startIndex + 4]
                offset += 5
                if try nextByte() == 13, try peekByte() == 10 { _ = try nextByte() }
                line += 1
            }
        }
    }

    /// Reads one record's cells; false when the file ended before any byte.
    private mutating func readRecord(_ record: inout CSVRecord) throws -> Bool {
        var sawAny = false
        var inQuotes = false
        var cellStart = true
        while true {
            guard let b = try nextByte() else {
                if inQuotes { throw CSVProblem.unclosedQuote(line: record.line) }
                if !sawAny { return false }
                record.endCell()
                return true
            }
            sawAny = true
            if inQuotes {
                if b == 34 {
                    if try peekByte() == 34 {
                        _ = try nextByte()
                        try append(34, &record)
                    } else {
                        inQuotes = false
                    }
                } else {
                    if b == 10 { line += 1 } else if b == 13 { if try peekByte() != 10 { line += 1 } }
                    try append(b, &record)
                }
                continue
            }
            switch b {
            case 34 where cellStart || record.isCellBlank:
                record.dropCellSpaces()
                inQuotes = true
                record.quoted = true
                cellStart = false
            case delimiter:
                record.endCell()
                if record.ends.count >= limits.maxCells { throw CSVProblem.tooManyCells(line: record.line) }
                cellStart = true
            case 10:
                line += 1
                record.endCell()
                return true
            case 13:
                if try peekByte() == 10 { _ = try nextByte() }
                line += 1
                record.endCell()
                return true
            default:
                try append(b, &record)
                cellStart = false
            }
        }
    }

    private func append(_ byte: UInt8, _ record: inout CSVRecord) throws {
        guard record.bytes.count < limits.maxRecordBytes else {
            throw CSVProblem.recordTooLong(line: record.line)
        }
        record.bytes.append(byte)
    }
}

/// One CSV record: its cells' bytes end to end, where each cell ends, and the line it starts on.
struct CSVRecord {
    var bytes: [UInt8] = []
    var ends: [Int] = []
    var line = 0
    /// Whether any cell was quoted (a quoted empty line is a record, not a blank line).
    var quoted = false

    init() {
        bytes.reserveCapacity(1024)
        ends.reserveCapacity(64)
    }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        quoted = false
    }

    mutating func endCell() { ends.append(bytes.count) }

    var isCellBlank: Bool {
        let start = ends.last ?? 0
        return bytes[start...].allSatisfy { $0 == 32 }
    }

    mutating func dropCellSpaces() {
        let start = ends.last ?? 0
        bytes.removeSubrange(start...)
    }

    var count: Int { ends.count }

    /// Cell `index` as written, with surrounding spaces trimmed; nil past the end of a ragged row.
    func cell(_ index: Int) -> String? {
        guard index < ends.count else { return nil }
        var start = index == 0 ? 0 : ends[index - 1]
        var end = ends[index]
        while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
        while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// Why a CSV file could not be read to its end.
enum CSVProblem: Error, Equatable, CustomStringConvertible {
    case recordTooLong(line: Int)
    case tooManyCells(line: Int)
    case unclosedQuote(line: Int)
    case encoding(String)

    var description: String {
        switch self {
        case .recordTooLong(let line):
            "the record starting on line \(line) is longer than \(EvidenceTestLimits.default.maxRecordBytes) bytes (the record-length bound)"
        case .tooManyCells(let line):
            "the record starting on line \(line) has more than \(EvidenceTestLimits.default.maxCells) cells (the cells-per-row bound)"
        case .unclosedQuote(let line): "the quoted field opened on line \(line) is never closed"
        case .encoding(let what): "the file holds \(what)"
        }
    }

    var line: Int? {
        switch self {
        case .recordTooLong(let l), .tooManyCells(let l), .unclosedQuote(let l): l
        case .encoding: nil
        }
    }
}
