import DossierCore
import DossierGit

/// Records where collected evidence came from by appending one line per file to `evidence/collected.yaml`:
///
/// ```yaml
/// evidence/infra/INF-002/policy-2026-10-01.json: {date: 2026-10-01, command: "aws iam get-account-password-policy", collected_at: "2026-10-01T06:00:12Z", exit: 0, sha256: 3f2a…}
/// ```
/// The declared date makes the collection day the evidence date even when the commit lands later, and
/// `check`, `build` and `bundle` read the command back. The file keeps everything people wrote in it; it is
/// replaced in one rename, never through a link.
enum ProvenanceLedger {
    static var file: String { EvidenceScanner.collectionDatesFile }
    static let maxBytes = 16 << 20

    /// Appends a line for each written outcome.
    static func append(_ outcomes: [CollectOutcome], at now: Int64, to files: WorkspaceFiles)
        throws(ProvenanceError)
    {
        let existing: [UInt8]
        do {
            existing = try files.read(file, limit: maxBytes + 1) ?? Array(header.utf8)
        } catch {
            throw ProvenanceError(message: "\(file) \(error)")
        }
        guard existing.count <= maxBytes else { throw ProvenanceError(message: "\(file) is larger than 16 MiB") }
        // A file collected again after its first copy was deleted replaces the one line Dossier wrote for it.
        let written = Set(outcomes.filter { $0.result == .written }.map(\.task.output))
        var text = existing.split(separator: 10, omittingEmptySubsequences: false).filter { line in
            !written.contains { path in
                line.starts(with: Array((quoted(path) + ":").utf8)) || line.starts(with: Array((path + ": {").utf8))
            }
        }.joined(separator: [10]).map { $0 }
        if let last = text.last, last != 10 { text.append(10) }
        for outcome in outcomes where outcome.result == .written {
            text += Array(line(outcome, at: now).utf8)
        }
        do {
            try files.replace(file, bytes: text)
        } catch {
            throw ProvenanceError(message: "\(file) \(error)")
        }
    }

    static let header = """
        # Collection dates that differ from commit dates, and the provenance of collected evidence.
        # Keys are paths relative to the workspace; a declared date wins over the commit date, and may not be later.

        """

    static func line(_ outcome: CollectOutcome, at now: Int64) -> String {
        "\(quoted(outcome.task.output)): {date: \(CalendarDay(unixTime: now)), "
            + "command: \(quoted(outcome.task.collector.commandLine)), collected_at: \"\(timestamp(now))\", "
            + "exit: \(outcome.status ?? 0), sha256: \(outcome.sha256 ?? "")}\n"
    }

    /// `2026-10-01T06:00:12Z`.
    static func timestamp(_ now: Int64) -> String {
        let seconds = Int(((now % 86_400) + 86_400) % 86_400)
        let time = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(CalendarDay(unixTime: now))T" + time.joined(separator: ":") + "Z"
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f || (0x80..<0xa0).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\x" + (hex.count < 2 ? "0" + hex : hex)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}

/// `evidence/collected.yaml` could not be read or replaced.
struct ProvenanceError: Error {
    var message: String
}
