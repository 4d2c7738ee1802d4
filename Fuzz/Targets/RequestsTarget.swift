import DossierCore
import DossierScaffold

/// An auditor's request list (CSV) → `requests import`: never a crash, every diagnostic points inside the
/// input, a list comes back exactly when there is no error, and what import would write as `requests.yaml`
/// reads back as the same requests.
enum RequestsTarget {
    static let controls = ["AC-001", "CHG-001", "OPS.1"]

    static func run(_ bytes: [UInt8]) {
        let log = DiagnosticLog()
        let list = RequestCSVImport(file: "pbc.csv", controls: controls).read(bytes, into: log)
        let positions = InputPositions(bytes)
        for diagnostic in log.diagnostics {
            guard let line = diagnostic.line else { continue }
            require(
                positions.contains(line: line, column: diagnostic.column),
                "\(diagnostic.code.rawValue) at \(line):\(diagnostic.column ?? 0) is outside the input")
        }
        require((list == nil) == log.diagnostics.hasErrors, "a list came back with errors, or none without")
        guard let list else { return }
        let text = RequestListWriter.yaml(list, source: "pbc.csv")
        let reread = DiagnosticLog()
        let back = RequestListLoader(controls: controls).load(Array(text.utf8), into: reread)
        let errors = reread.diagnostics.filter { $0.severity == .error }
        require(errors.isEmpty, "requests.yaml written by import does not load: \(errors.map(\.message))")
        require(back.columns == list.columns, "the columns changed on the way through requests.yaml")
        require(back.requests.count == list.requests.count, "requests were lost on the way through requests.yaml")
        for (written, read) in zip(list.requests, back.requests) {
            var a = written
            var b = read
            a.mark = nil
            b.mark = nil
            require(a == b, "request `\(written.id)` changed on the way through requests.yaml")
        }
    }
}
