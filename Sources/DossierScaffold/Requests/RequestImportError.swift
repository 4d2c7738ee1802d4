import DossierCore

/// Why `requests import` wrote nothing.
public enum RequestImportError: Error, CustomStringConvertible {
    /// The CSV cannot be opened (missing, a link, not a regular file).
    case unreadable(String)
    /// The CSV has errors; each is a diagnostic with line and column.
    case invalid([Diagnostic])
    case unwritable(String)

    public var description: String {
        switch self {
        case .unreadable(let what): what
        case .invalid(let diagnostics):
            "the request list has \(diagnostics.filter { $0.severity == .error }.count) error(s); nothing was written"
        case .unwritable(let what): what
        }
    }

    public var diagnostics: [Diagnostic] {
        if case .invalid(let list) = self { return list }
        return []
    }
}
