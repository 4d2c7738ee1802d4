/// Prints diagnostics the way compilers do: `controls.yaml:12:5: error: … [control-map.unknown-criterion]`, the
/// source line, a caret, a hint. The bracketed code is stable (docs/diagnostics.md); the wording may improve.
public struct DiagnosticPrinter: Sendable {
    public var colour: Bool
    /// Returns the text of a workspace file (for the quoted source line), or nil.
    public var source: @Sendable (String) -> String?

    public init(colour: Bool, source: @escaping @Sendable (String) -> String?) {
        self.colour = colour
        self.source = source
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        if let location = diagnostic.location { out += location + ": " }
        out += paint(
            diagnostic.severity.rawValue + ":",
            diagnostic.severity == .error ? "31;1" : diagnostic.severity == .warning ? "33;1" : "36;1")
        out += " " + diagnostic.message + " " + paint("[\(diagnostic.code.rawValue)]", "2") + "\n"
        if diagnostic.code.quotesSource, let file = diagnostic.file, let line = diagnostic.line,
            let text = source(file),
            let sourceLine = Self.line(line, of: text)
        {
            let shown = sourceLine.replacingTabs()
            out += "  " + shown + "\n"
            if let column = diagnostic.column, column >= 1 {
                let prefix = String(sourceLine.prefix(column - 1)).replacingTabs()
                out += "  " + String(repeating: " ", count: prefix.count) + paint("^", "32;1") + "\n"
            }
        }
        if let hint = diagnostic.hint { out += "  " + paint("hint:", "1") + " " + hint + "\n" }
        return out
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sortedForDisplay().map(render).joined()
    }

    private func paint(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The 1-based `number`-th line of `text`, without its terminator.
    static func line(_ number: Int, of text: String) -> Substring? {
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return text[start..<index] }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number && start < text.endIndex ? text[start..<text.endIndex] : nil
    }
}

extension StringProtocol {
    fileprivate func replacingTabs() -> String {
        String(map { $0 == "\t" ? " " : $0 })
    }
}
