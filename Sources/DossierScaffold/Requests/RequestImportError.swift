import DossierCore

/// Why `requests import` wrote nothing.
public enum RequestImportError: Error, CustomStringConvertible {
    /// The CSV cannot be opened (missing, a link, not a regular file).
    case unreadable(String)
    /// The CSV has errors; each is a diagnostic with line and column.
    case invalid([Diagnostic])
    case unwritable(String)
    /// The workspace's requests.yaml has errors: importing over it would lose its links.
    case existingInvalid([Diagnostic])

    public var description: String {
        switch self {
        case .unreadable(let what): what
        case .invalid(let diagnostics):
            "the request list has \(diagnostics.filter { $0.severity == .error }.count) error(s); nothing was written"
        case .unwritable(let what): what
        case .existingInvalid:
            "\(RequestList.file) has errors; fix them first (importing again keeps its links), or move it away"
        }
    }

    public var diagnostics: [Diagnostic] {
        switch self {
        case .invalid(let list), .existingInvalid(let list): list
        default: []
        }
    }
}
