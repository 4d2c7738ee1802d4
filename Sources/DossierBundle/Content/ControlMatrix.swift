import DossierCore

/// `control-matrix.csv`: one row per control × criterion, for the auditor's testing spreadsheet.
enum ControlMatrix {
    static let header = [
        "control", "title", "owner", "frequency", "status", "state", "criterion", "evidence", "tests",
    ]

    /// Rows in control-map order, criteria in the order each control lists them. `evidence` holds the paths
    /// (relative to `data/`) of the files the bundle ships for the control, one per line.
    static func csv(_ readiness: Readiness) -> [UInt8] {
        var table = CSVTable(header: header)
        for result in readiness.controls {
            let control = result.control
            var seen = Set<[UInt8]>()
            let files = result.requirements.flatMap { $0.files + $0.later }
                .filter { seen.insert($0.path).inserted }
                .sorted { $0.path.lexicographicallyPrecedes($1.path) }
            let evidence = files.map { BagPath.normalized($0.displayPath) }.joined(separator: "\n")
            let criteria = control.criteria.isEmpty ? [""] : control.criteria
            for criterion in criteria {
                table.append([
                    control.id, control.title, control.owner, control.frequency.rawValue, control.status.rawValue,
                    result.state.rawValue, criterion, evidence, ControlMatrix.testOutcome(result),
                ])
            }
        }
        return table.bytes
    }
}
