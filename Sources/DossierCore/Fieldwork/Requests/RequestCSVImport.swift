/// Reads an auditor's request list (CSV with a header row) into a ``RequestList``.
///
/// Columns are recognised by name (``RequestColumn``); the others are kept under their header. Every mistake
/// is a diagnostic with the line and column of the cell: wrong encoding, a malformed record, a ragged row, a
/// duplicate header or request id, a missing id, an unknown control, a date that is not `YYYY-MM-DD`. The
/// list is returned only when there is no error, so nothing is written from a list half understood.
public struct RequestCSVImport: Sendable {
    /// The file's name as shown in diagnostics.
    public var file: String
    /// Control ids of the control map, and ids of controls dropped for errors (not reported again).
    public var controls: [String]
    public var invalidControls: Set<String> = []
    public static let maxBytes = 4 << 20

    public init(file: String, controls: [String], invalidControls: Set<String> = []) {
        self.file = file
        self.controls = controls
        self.invalidControls = invalidControls
    }

    public func read(_ bytes: [UInt8], into log: DiagnosticLog) -> RequestList? {
        var out: [Diagnostic] = []
        let list = parse(bytes, &out)
        log.report(out)
        return out.hasErrors ? nil : list
    }

    private func parse(_ bytes: [UInt8], _ out: inout [Diagnostic]) -> RequestList? {
        guard bytes.count <= Self.maxBytes else {
            out.append(
                .error(
                    .requestsCSVMalformed, "the request list is larger than \(Self.maxBytes >> 20) MiB", file: file,
                    hint: "a request list holds hundreds of rows; check that this is the right file"))
            return nil
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            out.append(
                Diagnostic(
                    .error, .requestsCSVEncoding, "the request list is UTF-16, not UTF-8", file: file, line: 1,
                    column: 1, hint: "save or export it as CSV UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")"))
            return nil
        }
        if let bad = Self.firstInvalidUTF8(bytes) {
            let (line, column) = CSVPositions(bytes).lineAndColumn(ofByte: bad)
            let byte = String(bytes[bad], radix: 16, uppercase: true).leftPadded(2)
            out.append(
                Diagnostic(
                    .error, .requestsCSVEncoding, "the request list is not UTF-8 (byte 0x\(byte))",
                    file: file, line: line, column: column,
                    hint: "save or export it as CSV UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")"))
            return nil
        }
        let positions = CSVPositions(bytes)
        var offset = 0
        var reader = CSVReader(delimiter: positions.delimiter, limits: .default) { buffer in
            let n = min(buffer.count, bytes.count - offset)
            bytes.withUnsafeBytes { buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[offset..<offset + n])) }
            offset += n
            return n
        }
        var record = CSVRecord()
        var records: [(line: Int, cells: [String])] = []
        do {
            while try reader.next(into: &record) {
                records.append((record.line, (0..<record.count).map { record.cell($0) ?? "" }))
            }
        } catch let problem as CSVProblem {
            let code: DiagnosticCode =
                if case .encoding = problem { .requestsCSVEncoding } else { .requestsCSVMalformed }
            out.append(
                Diagnostic(
                    .error, code, problem.description, file: file, line: problem.line ?? 1, column: 1,
                    hint: "export the list again as CSV UTF-8"))
            return nil
        } catch {
            out.append(Diagnostic(.error, .requestsCSVMalformed, "\(error)", file: file))
            return nil
        }
        guard let header = records.first else {
            out.append(
                Diagnostic(
                    .error, .requestsCSVNoIDColumn, "the request list is empty", file: file, line: 1, column: 1,
                    hint: "the first row names the columns, for example `Request ID,Description,Control,Due Date`"))
            return nil
        }
        var columns: [RequestColumn: Int] = [:]
        var seenHeaders: [String: Int] = [:]
        for (index, name) in header.cells.enumerated() {
            let (line, column) = positions.position(line: header.line, cell: index)
            if name.isEmpty {
                out.append(
                    Diagnostic(
                        .error, .requestsCSVDuplicateColumn, "column \(index + 1) has no name", file: file,
                        line: line, column: column, hint: "give every column a header"))
                continue
            }
            if seenHeaders[name.lowercased()] != nil {
                out.append(
                    Diagnostic(
                        .error, .requestsCSVDuplicateColumn, "the column `\(name)` appears twice", file: file,
                        line: line, column: column, hint: "rename or remove one of them"))
                continue
            }
            seenHeaders[name.lowercased()] = index
            if let known = RequestColumn.recognise(name) {
                if columns[known] == nil {
                    columns[known] = index
                } else {
                    out.append(
                        Diagnostic(
                            .error, .requestsCSVDuplicateColumn,
                            "`\(name)` is a second \(known.rawValue) column (the first is `\(header.cells[columns[known]!])`)",
                            file: file, line: line, column: column, hint: "keep one of them"))
                }
            }
        }
        guard let idColumn = columns[.id] else {
            out.append(
                Diagnostic(
                    .error, .requestsCSVNoIDColumn, "no request id column in the header", file: file, line: header.line,
                    column: 1,
                    hint: "name the column of request numbers `Request ID` (or `ID`, `Ref`, `Request #`)"))
            return nil
        }
        var list = RequestList(columns: header.cells)
        var ids: [String: Int] = [:]
        for row in records.dropFirst() {
            func at(_ cell: Int) -> (line: Int, column: Int) { positions.position(line: row.line, cell: cell) }
            guard row.cells.count == header.cells.count else {
                // Too many cells: the first extra one; too few: the end of the record's first line.
                let place =
                    row.cells.count > header.cells.count
                    ? at(header.cells.count) : (row.line, positions.endColumn(line: row.line))
                out.append(
                    Diagnostic(
                        .error, .requestsCSVRagged,
                        "this row has \(row.cells.count) cells, the header \(header.cells.count)", file: file,
                        line: place.0, column: place.1,
                        hint: "every row needs one cell per column; quote cells that hold commas"))
                continue
            }
            let id = row.cells[idColumn]
            guard !id.trimmingWhitespace().isEmpty else {
                out.append(
                    Diagnostic(
                        .error, .requestsCSVMissingID, "this request has no id", file: file,
                        line: at(idColumn).line, column: at(idColumn).column,
                        hint: "give every request its number from the auditor's list"))
                continue
            }
            if let first = ids[id] {
                out.append(
                    Diagnostic(
                        .error, .requestsDuplicateID, "request id `\(id)` is used again (first on line \(first))",
                        file: file, line: at(idColumn).line, column: at(idColumn).column,
                        hint: "request ids must be unique"))
                continue
            }
            ids[id] = row.line
            var request = AuditRequest(id: id)
            request.mark = SourceMark(line: row.line, column: 1)
            for (index, name) in header.cells.enumerated() {
                let value = row.cells[index]
                switch RequestColumn.recognise(name) {
                case .id where index == idColumn: break
                case .description where index == columns[.description]: request.description = value
                case .criteria where index == columns[.criteria]: request.criteria = Self.split(value)
                case .assignee where index == columns[.assignee]: request.assignee = value.isEmpty ? nil : value
                case .control where index == columns[.control]:
                    for control in Self.split(value) {
                        if controls.contains(control) || invalidControls.contains(control) {
                            request.controls.append(control)
                        } else {
                            out.append(
                                Diagnostic(
                                    .error, .requestsUnknownControl,
                                    "request `\(id)` names no control of controls.yaml: `\(control)`",
                                    file: file, line: at(index).line, column: at(index).column,
                                    hint: NearestName.to(control, in: controls).map { "did you mean `\($0)`?" }
                                        ?? "use control ids from controls.yaml, or leave the cell empty"))
                        }
                    }
                case .due where index == columns[.due]:
                    guard !value.isEmpty else { break }
                    if let day = CalendarDay(iso: value) {
                        request.due = day
                    } else {
                        out.append(
                            Diagnostic(
                                .error, .requestsCSVBadDate, "the due date `\(value)` is not written YYYY-MM-DD",
                                file: file, line: at(index).line, column: at(index).column,
                                hint: "write dates as 2026-11-15"))
                    }
                case .period where index == columns[.period]:
                    guard !value.isEmpty else { break }
                    if let period = Self.period(value) {
                        request.period = period
                    } else {
                        out.append(
                            Diagnostic(
                                .error, .requestsCSVBadDate,
                                "the date range `\(value)` is not `YYYY-MM-DD..YYYY-MM-DD` (start on or before end)",
                                file: file, line: at(index).line, column: at(index).column,
                                hint: "write ranges as 2026-01-01..2026-06-30 (or `to` between the dates)"))
                    }
                default:
                    if !value.isEmpty { request.cells[name] = value }
                }
            }
            list.requests.append(request)
        }
        return list
    }

    // MARK: - Cells

    /// Items of a list cell: split at commas, semicolons, line breaks and spaces.
    static func split(_ value: String) -> [String] {
        value.split(whereSeparator: { ",; \n\r\t".contains($0) }).map(String.init)
    }

    /// `2026-01-01..2026-06-30`, `2026-01-01 to 2026-06-30`, `2026-01-01 - 2026-06-30` (or an en dash).
    static func period(_ value: String) -> AuditPeriod? {
        for separator in ["..", " to ", " - ", " – ", "–"] {
            let parts = value.components(separatedBy: separator)
            guard parts.count == 2,
                let start = CalendarDay(iso: parts[0].trimmingWhitespace()),
                let end = CalendarDay(iso: parts[1].trimmingWhitespace()), start <= end
            else { continue }
            return AuditPeriod(start: start, end: end)
        }
        return nil
    }

    /// Offset of the first byte that does not belong to valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length =
                lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
            guard length > 0, index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return index }
            index += length
        }
        return nil
    }
}
