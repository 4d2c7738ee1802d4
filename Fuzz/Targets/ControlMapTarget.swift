import DossierCore

/// `controls.yaml` → diagnostics: never a crash, and every diagnostic about the map points inside it.
enum ControlMapTarget {
    static func run(_ bytes: [UInt8]) {
        let log = DiagnosticLog()
        // Every other narrative path "exists", so both sides of the reference checks run.
        _ = ControlMapLoader(fileExists: { $0.utf8.count % 2 == 0 }).load(bytes, into: log)
        let positions = InputPositions(bytes)
        for diagnostic in log.diagnostics where diagnostic.file == "controls.yaml" {
            guard let line = diagnostic.line else { continue }
            require(
                positions.contains(line: line, column: diagnostic.column),
                "\(diagnostic.code.rawValue) at \(line):\(diagnostic.column ?? 0) is outside the input")
        }
    }
}
