import DossierCore

/// The message of a `collect --commit` commit: a subject, then each file with its provenance.
enum CommitMessage {
    static func text(_ written: [CollectOutcome], at now: Int64) -> String {
        let controls = Array(Set(written.map(\.task.control.id))).sorted()
        let subject =
            "Collect evidence for \(controls.prefix(4).joined(separator: ", "))\(controls.count > 4 ? " and \(controls.count - 4) more" : "")"
        let files = "\(written.count) file\(written.count == 1 ? "" : "s")"
        var lines = [subject, "", "dossier collect wrote \(files) at \(ProvenanceLedger.timestamp(now)):", ""]
        for outcome in written {
            lines.append("- \(outcome.task.output)")
            lines.append("  control \(outcome.task.control.id) (\(outcome.task.control.owner)), \(outcome.task.reason)")
            lines.append("  command: \(outcome.task.collector.commandLine)")
            lines.append("  exit \(outcome.status ?? 0), \(outcome.bytes) bytes, sha256 \(outcome.sha256 ?? "")")
        }
        lines.append("")
        lines.append("Provenance is recorded in \(ProvenanceLedger.file).")
        return lines.joined(separator: "\n") + "\n"
    }
}
