import ArgumentParser
import DossierCollect
import DossierCore
import DossierGit
import Foundation

extension DossierCommand {
    /// `dossier collect`: run the collectors that are due and save (and commit) what they gather.
    struct Collect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the evidence collectors written in controls.yaml and save what they gather.",
            discussion: """
                A requirement with `collect:` names a command (`run: [aws, iam, get-account-password-policy]`) \
                and where its output goes (`output: evidence/…/policy-{date}.json`). Each command runs in the \
                workspace with empty stdin, only PATH, HOME and the variables in its `env:`, a timeout that kills \
                its process group, and --max-output. Its output is written only when it exited 0, is not empty, \
                passes the requirement's tests and holds no secret; atomically, never over an existing file, \
                never through a link. Provenance (time, command, exit status, SHA-256) is appended to \
                evidence/collected.yaml, which dates the file by its collection day. docs/collectors.md has CI \
                examples.

                The collection day is today in UTC (the day of SOURCE_DATE_EPOCH when set); `as_of` in \
                controls.yaml does not apply.

                Exit codes: 0 every collector ran or its output already existed; 1 a collector failed or the \
                commit was refused; 2 invalid input (the control map, --only naming nothing).
                """)

        @Argument(help: "The workspace folder (holds controls.yaml).", completion: .directory)
        var workspace: String = "."

        @Flag(
            help:
                "Run the collectors that are due (the default): missing, stale, failing, or stale within --within days."
        )
        var due = false

        @Flag(help: "Run every collector.")
        var all = false

        @Option(
            name: .customLong("only"), parsing: .upToNextOption,
            help: ArgumentHelp("Run only these controls (ids) or requirements (paths as written).", valueName: "id"))
        var only: [String] = []

        @Option(
            help: ArgumentHelp("With --due: also collect what turns stale within this many days.", valueName: "days"))
        var within: Int = CollectRequest.defaultWithinDays

        @Option(help: "How many collectors run at once.")
        var jobs: Int = 2

        @Option(
            name: .customLong("max-output"),
            help: ArgumentHelp("Bytes a collector may print before it is killed (suffix K, M or G).", valueName: "size")
        )
        var maxOutput: String = "64M"

        @Flag(
            help:
                "Commit the files written and evidence/collected.yaml (author: git's configuration, or DOSSIER_COMMIT_AUTHOR)."
        )
        var commit = false

        @Flag(name: .customLong("dry-run"), help: "Print what would run; run nothing.")
        var dryRun = false

        @Flag(help: "Print one JSON document instead of the text report.")
        var json = false

        func validate() throws {
            if [due, all, !only.isEmpty].filter({ $0 }).count > 1 {
                throw ValidationError("choose one of --due, --all and --only")
            }
            guard (0...3660).contains(within) else { throw ValidationError("--within must be 0 to 3660 days") }
            guard (1...64).contains(jobs) else { throw ValidationError("--jobs must be 1 to 64") }
            guard Self.bytes(maxOutput) != nil else {
                throw ValidationError(
                    "--max-output must be a size such as 512K, 64M or 1G (at most 4G), found `\(maxOutput)`")
            }
            if commit && dryRun { throw ValidationError("--commit and --dry-run exclude each other") }
            if let author = ProcessInfo.processInfo.environment["DOSSIER_COMMIT_AUTHOR"], commit,
                GitCommit.identity(author) == nil
            {
                throw ValidationError("DOSSIER_COMMIT_AUTHOR must be written `Name <email>`, found `\(author)`")
            }
        }

        func run() throws {
            let now: Int64
            do {
                now = try Clock.now()
            } catch {
                throw ValidationError(error.description)
            }
            let folder = Workspace(path: workspace)
            if let problem = WorkspaceProblem.of(folder) {
                Output.error(problem.description)
                throw Exit.invalid
            }
            let selection: CollectRequest.Selection =
                all ? .all : only.isEmpty ? .due(withinDays: within) : .only(only)
            let request = CollectRequest(
                selection: selection, jobs: jobs, commit: commit, dryRun: dryRun,
                maxOutputBytes: Self.bytes(maxOutput)!, now: now,
                commitIdentity: ProcessInfo.processInfo.environment["DOSSIER_COMMIT_AUTHOR"].flatMap(GitCommit.identity)
            )
            let report = CollectRun(workspace: folder).run(request)
            if json {
                Output.write(try report.json())
            } else {
                if !report.invalid { Output.write(report.text()) }
                // Every collector has its line in the report above, so the same code repeated is capped as
                // in `check`; --json keeps every diagnostic.
                if !report.diagnostics.isEmpty {
                    let printer = DiagnosticPrinter(colour: Output.colour(fd: 2), source: { folder.text($0) })
                    Output.error(printer.render(DiagnosticCap.capped(report.diagnostics).shown))
                }
            }
            switch report.exitCode {
            case 0: return
            case 2: throw Exit.invalid
            default:
                if !json {
                    Output.error(
                        "error: \(report.failures.count) collector\(report.failures.count == 1 ? "" : "s") failed"
                            + (report.failures.isEmpty ? " (see above)" : ""))
                }
                throw Exit.notReady
            }
        }

        /// `64M` → bytes; nil when malformed or over 4 GiB.
        static func bytes(_ text: String) -> Int? {
            let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
            var digits = Substring(text.uppercased())
            var unit = 1
            if let last = digits.last, let factor = units[last] {
                unit = factor
                digits = digits.dropLast()
            }
            guard !digits.isEmpty, digits.count <= 10, digits.allSatisfy(\.isASCII), let n = Int(digits), n > 0,
                n <= (4 << 30) / unit
            else { return nil }
            return n * unit
        }
    }
}
