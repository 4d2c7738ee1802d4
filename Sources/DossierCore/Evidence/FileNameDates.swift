/// Dates evidence by the day its file name describes, when the commit agrees.
///
/// A name date is believed when it is not after the file's commit and not more than
/// `max_collection_lag_days` before it: a quarter-end review committed three days later then lands in the
/// quarter it describes. Otherwise the commit date stands and a warning says why, except when the commit falls
/// inside the month a `YYYY-MM` name describes (a monthly export committed mid-month contradicts nothing).
/// A date declared in `evidence/collected.yaml` wins over both.
public enum FileNameDates {
    /// How many files of each kind of disagreement are named one by one; a backfill committed in one go would
    /// otherwise give a warning per file.
    public static let shownPerKind = 3

    public static func apply(
        to inventory: inout EvidenceInventory, maxLagDays: Int, into log: DiagnosticLog
    ) {
        var found: (after: [Diagnostic], old: [Diagnostic]) = ([], [])
        defer {
            log.report(capped(found.after, "whose file name dates are after their commits"))
            log.report(
                capped(
                    found.old, "whose file name dates are more than \(maxLagDays) days before their commits"))
        }
        for i in inventory.files.indices {
            let file = inventory.files[i]
            guard file.collected == nil, file.isUsable, !file.problems.contains(.shallowHistory),
                let commit = file.commit, let named = FileNameDate.parse(file.path)
            else { continue }
            let committed = CalendarDay(unixTime: commit.authorTime)
            let lag = committed.days(since: named.day)
            if lag >= 0 && lag <= maxLagDays {
                inventory.files[i].nameDate = named.day
                continue
            }
            if named.first <= committed && committed <= named.day { continue }
            let why =
                lag < 0
                ? "is after its commit (\(committed))"
                : "is \(lag) days before its commit (\(committed)), more than max_collection_lag_days (\(maxLagDays))"
            let warning =
                Diagnostic(
                    .warning, lag < 0 ? .evidenceNameDateAfterCommit : .evidenceNameDateTooOld,
                    "the date in the file name (\(named.text)) \(why); it is dated by its commit",
                    file: file.displayPath,
                    hint: lag < 0
                        ? "rename the file, or declare its collection date in \(EvidenceScanner.collectionDatesFile)"
                        : "declare its collection date in \(EvidenceScanner.collectionDatesFile), or raise "
                            + "max_collection_lag_days in controls.yaml")
            if lag < 0 { found.after.append(warning) } else { found.old.append(warning) }
        }
    }

    private static func capped(_ warnings: [Diagnostic], _ kind: String) -> [Diagnostic] {
        guard warnings.count > shownPerKind else { return warnings }
        var shown = Array(warnings.prefix(shownPerKind))
        shown[shownPerKind - 1].message += " (and \(warnings.count - shownPerKind) more files \(kind), not shown)"
        return shown
    }
}
