import DossierGit

/// Judges the commits that date evidence: git lets anyone write any author date and any author, so an
/// auditor needs to see which evidence commits were signed (and verified by git) and which look back-dated.
///
/// A commit is back-dated when it is dated before its parent was committed, or authored more than
/// `max_collection_lag_days` before it was committed (a December commit with `GIT_AUTHOR_DATE` in September).
/// Each file it dates gets a warning; with `evidence_commits: signed` it does not count
/// (``EvidenceFile/Problem/backdatedCommit``), nor does a file whose newest commit git cannot verify as signed
/// (``EvidenceFile/Problem/unverifiedCommit``). Dates declared in `evidence/collected.yaml` or believed from
/// a file name are not the commit's, so back-dating is not judged for them; the signature still is.
public enum CommitTrust {
    public static func apply(to inventory: inout EvidenceInventory, map: ControlMap, into log: DiagnosticLog) {
        let signed = map.evidenceCommits == .signed
        var warnings: [Diagnostic] = []
        for i in inventory.files.indices {
            let file = inventory.files[i]
            guard file.isUsable, let commit = file.commit else { continue }
            if signed && !commit.signature.isVerified {
                inventory.files[i].problems.append(.unverifiedCommit)
            }
            guard file.dateSource == .commit, isBackdated(file, maxLagDays: map.maxCollectionLagDays) else {
                continue
            }
            if signed { inventory.files[i].problems.append(.backdatedCommit) }
            warnings.append(
                Diagnostic(
                    .warning, .evidenceBackdatedCommit,
                    "the commit that dates this file (\(commit.hash.prefix(12))) \(why(commit, map.maxCollectionLagDays))",
                    file: file.displayPath,
                    hint: "an auditor may not accept the date; recommit with true dates or declare the collection "
                        + "date in \(EvidenceScanner.collectionDatesFile)"))
        }
        log.report(capped(warnings))
    }

    /// Whether the commit dating `file` is back-dated (see the type's documentation).
    public static func isBackdated(_ file: EvidenceFile, maxLagDays: Int) -> Bool {
        guard file.dateSource == .commit, let commit = file.commit else { return false }
        return commit.isBackdated(maxLagDays: maxLagDays)
    }

    private static func why(_ commit: GitHistory.Commit, _ maxLagDays: Int) -> String {
        let authored = CalendarDay(unixTime: commit.authorTime)
        let committed = CalendarDay(unixTime: commit.committerTime)
        if let parent = commit.parentTime, min(commit.authorTime, commit.committerTime) < parent {
            return "is dated \(min(authored, committed)), before its parent commit (\(CalendarDay(unixTime: parent)))"
        }
        return "was authored \(authored) but committed \(committed), more than max_collection_lag_days "
            + "(\(maxLagDays)) later"
    }

    private static func capped(_ warnings: [Diagnostic]) -> [Diagnostic] {
        let shown = FileNameDates.shownPerKind
        guard warnings.count > shown else { return warnings }
        var result = Array(warnings.prefix(shown))
        result[shown - 1].message +=
            " (and \(warnings.count - shown) more files dated by back-dated commits, not shown)"
        return result
    }
}
