import DossierYAML

/// Reads `evidence/collected.yaml`: explicit collection dates that win over commit dates.
///
/// ```yaml
/// # workspace-relative path: the day the evidence was collected
/// evidence/access/AC-001/mfa-2026-01.csv: 2026-01-31
/// evidence/hr/HR-002/training-2026.pdf: {date: 2026-03-02, note: exported late}
/// evidence/infra/INF-002/policy-2026-10-01.json: {date: 2026-10-01, command: "aws iam get-account-password-policy",
///   collected_at: "2026-10-01T06:00:12Z", exit: 0, sha256: 3f…}
/// ```
/// The last form is what `dossier collect` appends: the provenance of a collected file.
/// A declared date is for evidence whose commit date is not its collection date (a backfilled export, a
/// scan of a signed paper). It cannot be later than the commit that added the file.
public enum CollectionDates {
    /// `date` and `note` are written by people; `dossier collect` adds the others.
    public static let keys = ["date", "note", "command", "collected_at", "exit", "sha256"]

    /// `digest` gives a file's SHA-256, to compare with the `sha256` that `dossier collect` recorded: a file
    /// that changed after it was collected keeps its declared date but is reported (`collected.digest-mismatch`).
    public static func apply(
        _ bytes: [UInt8], to inventory: inout EvidenceInventory, into log: DiagnosticLog,
        digest: (EvidenceFile) -> String? = { _ in nil }
    ) {
        let file = EvidenceScanner.collectionDatesFile
        let parsed = YAMLParser.parse(bytes)
        for problem in parsed.problems {
            log.report(
                Diagnostic(
                    .error, DiagnosticCode(problem.kind), problem.message, file: file, line: problem.mark.line,
                    column: problem.mark.column,
                    hint: problem.hint))
        }
        guard let root = parsed.root, !root.isNull else { return }
        guard let pairs = root.mapping else {
            log.report(
                .error(
                    .schemaWrongType, "\(file) must map evidence paths to dates", file: file, at: root.sourceMark,
                    hint: "write lines like `evidence/access/report.csv: 2026-01-31`"))
            return
        }
        var index: [[UInt8]: Int] = [:]
        for (i, f) in inventory.files.enumerated() { index[f.path] = i }
        for pair in pairs {
            guard let path = pair.key.scalar else { continue }
            var valueNode = pair.value
            var command: String?
            var recorded: YAMLNode?
            if let mapping = pair.value.mapping {
                guard let date = mapping.first(where: { $0.key.scalar == "date" }) else {
                    log.report(
                        .error(
                            .schemaMissingKey, "no `date` for `\(path)`", file: file, at: pair.value.sourceMark,
                            hint: "write `{date: 2026-01-31}`"))
                    continue
                }
                for extra in mapping where !Self.keys.contains(extra.key.scalar ?? "") {
                    log.report(
                        .error(
                            .schemaUnknownKey, "unknown key `\(extra.key.scalar ?? "?")` for `\(path)`", file: file,
                            at: extra.key.sourceMark, hint: "allowed keys: " + Self.keys.joined(separator: ", ")))
                }
                command = mapping.first(where: { $0.key.scalar == "command" })?.value.scalar
                recorded = mapping.first(where: { $0.key.scalar == "sha256" })?.value
                valueNode = date.value
            }
            guard let text = valueNode.scalar, let day = CalendarDay(iso: text) else {
                log.report(
                    .error(
                        .schemaNotADate,
                        "the collection date of `\(path)` must be written YYYY-MM-DD, found \(valueNode.describedValue)",
                        file: file, at: valueNode.sourceMark, hint: "for example `\(path): 2026-01-31`"))
                continue
            }
            guard let i = index[Array(path.utf8)] else {
                log.report(
                    .warning(
                        .collectedNotEvidence, "`\(path)` is not an evidence file", file: file, at: pair.key.sourceMark,
                        hint: "use the file's path relative to the workspace; remove lines for files that are gone"))
                continue
            }
            if let commit = inventory.files[i].commit, day > CalendarDay(unixTime: commit.committerTime) {
                log.report(
                    .error(
                        .collectedAfterCommit,
                        "`\(path)` is declared collected on \(day), after it was committed (\(CalendarDay(unixTime: commit.committerTime)))",
                        file: file, at: valueNode.sourceMark,
                        hint: "a collection date cannot be later than the commit that added the file"))
                continue
            }
            inventory.files[i].collected = day
            inventory.files[i].collectedBy = command
            if let recorded, let sha256 = recorded.scalar, let actual = digest(inventory.files[i]), actual != sha256 {
                log.report(
                    .warning(
                        .collectedDigestMismatch,
                        "`\(path)` changed after it was collected: its SHA-256 is not the one recorded",
                        file: file, at: recorded.sourceMark,
                        hint: "collect it again (`dossier collect --only` its control), or restore the collected bytes")
                )
            }
        }
    }
}
