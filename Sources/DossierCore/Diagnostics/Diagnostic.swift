/// A problem found in the user's files: a value with a severity, a position and a hint, never a thrown error.
///
/// Diagnostics are collected over a whole run so that one `dossier check` reports every problem at once.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case error, warning, note
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
    }

    public var severity: Severity
    /// What kind of problem this is, stable across releases (see `DiagnosticCode`, docs/diagnostics.md).
    public var code: DiagnosticCode
    /// Path relative to the workspace (e.g. `controls.yaml`, `evidence/a.csv`); nil for problems of the whole run.
    public var file: String?
    /// 1-based; nil when the problem is about a whole file.
    public var line: Int?
    /// 1-based, counted in characters.
    public var column: Int?
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// The pipeline step that found it (`load`, `evidence`, `narratives`, `site`, `bundle`, `secrets`).
    public var step: String { code.step }

    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, file: String? = nil, line: Int? = nil,
        column: Int? = nil, hint: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.hint = hint
    }

    public static func error(
        _ code: DiagnosticCode, _ message: String, file: String? = nil, at mark: SourceMark? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, file: file, line: mark?.line, column: mark?.column, hint: hint)
    }

    public static func warning(
        _ code: DiagnosticCode, _ message: String, file: String? = nil, at mark: SourceMark? = nil,
        hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, file: file, line: mark?.line, column: mark?.column, hint: hint)
    }

    /// `file:line:column` as far as known.
    public var location: String? {
        guard let file else { return nil }
        guard let line else { return file }
        guard let column else { return "\(file):\(line)" }
        return "\(file):\(line):\(column)"
    }
}

/// A 1-based position in a source file.
public struct SourceMark: Sendable, Hashable, Codable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// What a person is shown: errors and warnings. Notes (facts such as a file left out on purpose) go only
    /// into `check --json`.
    public var shown: [Diagnostic] { filter { $0.severity != .note } }

    /// Errors first, then by file, line and column, so output reads top to bottom.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.severity != y.severity { return x.severity < y.severity }
            if (x.file ?? "") != (y.file ?? "") { return (x.file ?? "") < (y.file ?? "") }
            if (x.line ?? 0) != (y.line ?? 0) { return (x.line ?? 0) < (y.line ?? 0) }
            if (x.column ?? 0) != (y.column ?? 0) { return (x.column ?? 0) < (y.column ?? 0) }
            return a.offset < b.offset
        }.map(\.element)
    }
}
