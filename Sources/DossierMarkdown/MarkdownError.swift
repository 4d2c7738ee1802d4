/// Why a narrative was not rendered. Lines are 1-based and already shifted by `MarkdownOptions.firstLine`.
public enum MarkdownError: Error, Sendable, Equatable {
    /// The source is larger than `MarkdownLimits.maxBytes`.
    case tooLarge(bytes: Int, limit: Int)
    /// A line splits into more `|` cells than `MarkdownLimits.maxTableColumns`.
    case tableTooWide(line: Int, columns: Int, limit: Int)
    /// The tables would hold more cells than `MarkdownLimits.maxTableCells`; `line` is the delimiter row of the
    /// table that crossed the limit.
    case tooManyTableCells(line: Int, cells: Int, limit: Int)
    /// Reference links could copy more bytes than `MarkdownLimits.maxReferenceExpansion`; `line` is where the
    /// largest paragraph holding a definition starts.
    case referenceExpansionTooLarge(line: Int, bytes: Int, limit: Int)
    /// The bytes are not UTF-8; `column` is the 1-based byte offset of the first bad byte in its line.
    case invalidUTF8(line: Int, column: Int)
    /// A definition in `MarkdownOptions.referenceDefinitions` cannot be written as a CommonMark definition.
    case invalidReferenceDefinition(label: String, reason: String)
    /// cmark-gfm itself failed (e.g. an extension is missing from the installed library).
    case libraryFailure(String)
}

extension MarkdownError: CustomStringConvertible {
    /// One line saying what is wrong, without the file name (the caller knows it).
    public var description: String {
        switch self {
        case .tooLarge(let bytes, let limit):
            "narrative is \(bytes) bytes, more than the limit of \(limit) bytes"
        case .tableTooWide(let line, let columns, let limit):
            "line \(line) has \(columns) table cells, more than the limit of \(limit)"
        case .tooManyTableCells(let line, let cells, let limit):
            "tables would hold about \(cells) cells by the table at line \(line), more than the limit of \(limit)"
        case .referenceExpansionTooLarge(let line, let bytes, let limit):
            "reference links could copy up to \(bytes) bytes of the definitions starting at line \(line), "
                + "more than the limit of \(limit)"
        case .invalidUTF8(let line, let column):
            "invalid UTF-8 at line \(line), byte column \(column)"
        case .invalidReferenceDefinition(let label, let reason):
            "cannot define the link reference [\(label)]: \(reason)"
        case .libraryFailure(let message):
            "cmark-gfm failed: \(message)"
        }
    }

    /// What the author can do about it.
    public var hint: String {
        switch self {
        case .tooLarge:
            "split the narrative into several files, or move bulky material into evidence"
        case .tableTooWide:
            "a table this wide is not readable; split it, or escape literal pipes as \\|"
        case .tooManyTableCells:
            "split the table or move the data into an evidence file (every row is padded to the header's width)"
        case .referenceExpansionTooLarge:
            "shorten the reference definition, or keep definitions in a short paragraph of their own"
        case .invalidUTF8:
            "save the file as UTF-8"
        case .invalidReferenceDefinition:
            "labels must not be blank, start with ^, or contain [, ], \\ or line breaks"
        case .libraryFailure:
            "reinstall libcmark-gfm-dev and libcmark-gfm-extensions-dev"
        }
    }
}
