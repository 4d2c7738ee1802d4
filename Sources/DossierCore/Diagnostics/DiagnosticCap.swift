/// Keeps one mistake from flooding the output: the same message repeated in one file is shown a few times,
/// and the last one shown says how many more there are.
///
/// "The same message" is the same code at the same severity in the same file, so 163 × "reference to unknown
/// control `X`" in one narrative are one kind of message, while different kinds in the same file are each shown.
public enum DiagnosticCap {
    /// How many of one kind of message each file shows.
    public static let perFile = 3

    public static func capped(_ diagnostics: [Diagnostic], perFile: Int = DiagnosticCap.perFile) -> [Diagnostic] {
        struct Kind: Hashable {
            var file: String?
            var severity: Diagnostic.Severity
            var code: DiagnosticCode
        }
        var total: [Kind: Int] = [:]
        for d in diagnostics where d.file != nil {
            total[Kind(file: d.file, severity: d.severity, code: d.code), default: 0] += 1
        }
        var shown: [Kind: Int] = [:]
        var result: [Diagnostic] = []
        for var d in diagnostics {
            guard d.file != nil else {
                result.append(d)
                continue
            }
            let kind = Kind(file: d.file, severity: d.severity, code: d.code)
            let count = total[kind]!
            let index = shown[kind, default: 0]
            shown[kind] = index + 1
            if count <= perFile || index < perFile - 1 {
                result.append(d)
            } else if index == perFile - 1 {
                let more = count - perFile
                d.message += " (and \(more) more like this in \(d.file!), not shown)"
                result.append(d)
            }
        }
        return result
    }
}
