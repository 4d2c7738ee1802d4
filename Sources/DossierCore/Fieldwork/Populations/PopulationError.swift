/// Why a population (and so a sample) cannot be listed: each a mistake on the command line or in the
/// workspace, exit 2.
public enum PopulationError: Error, Equatable, CustomStringConvertible {
    case unknownControl(String, suggestion: String?)
    case noSuchRequirement(control: String, index: Int, count: Int)
    /// The control map has no `period`: a population is of an audit period.
    case noPeriod
    /// The period starts after the as-of day: nothing in it has happened yet.
    case periodNotStarted(CalendarDay, asOf: CalendarDay)
    /// `--rows` over requirements none of whose files is a CSV/TSV export.
    case notTabular(control: String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownControl(let id, let suggestion):
            "no control `\(id)` in controls.yaml" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
        case .noSuchRequirement(let control, let index, let count):
            "\(control) has \(count) evidence requirement\(count == 1 ? "" : "s"); --requirement \(index) is not one"
        case .noPeriod:
            "controls.yaml has no `period`: a population lists what happened during a Type II audit period"
        case .periodNotStarted(let start, let asOf):
            "the audit period starts on \(start), after the as-of day \(asOf)"
        case .notTabular(let control):
            "--rows lists the data rows of CSV/TSV exports, and no evidence of \(control) in the period is one"
        case .unreadable(let path, let reason): "\(path) cannot be read: \(reason)"
        }
    }

    public var hint: String {
        switch self {
        case .unknownControl: "control ids are case-sensitive; `dossier check` lists them"
        case .noSuchRequirement: "requirements are numbered from 1 in controls.yaml order"
        case .noPeriod: "add `period: {start: YYYY-MM-DD, end: YYYY-MM-DD}` to controls.yaml"
        case .periodNotStarted: "pass a later --as-of, or check the period in controls.yaml"
        case .notTabular: "leave out --rows to list the files, or pick a requirement with --requirement"
        case .unreadable: "commit the file as a regular file, or fix the export"
        }
    }
}
