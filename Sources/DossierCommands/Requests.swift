import ArgumentParser
import DossierCore
import DossierGit
import DossierScaffold

extension DossierCommand {
    /// `dossier requests import|export`: the auditor's request list ("PBC" list).
    struct RequestsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "requests",
            abstract: "Import the auditor's request list and export it with each request's status.",
            discussion: """
                The list lives in requests.yaml in the workspace, where each request is linked to controls, \
                evidence globs or a note. `dossier check` and the site show each request as answered, open or \
                overdue, grouped by assignee; the bundle carries requests.csv.
                """,
            subcommands: [Import.self, Export.self])

        /// `dossier requests import FILE.csv [WORKSPACE] [-o FILE]`.
        struct Import: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Read the auditor's CSV request list into requests.yaml.",
                discussion: """
                    Columns are recognised by name, case-insensitively: request id (`Request ID`, `ID`, `Ref`, \
                    `Request #`), description (`Description`, `Request`), criteria (`Criteria`, `TSC`, `TSC \
                    Reference`), control (`Control`, `Control ID`), due date (`Due Date`, `Due`), assignee \
                    (`Assignee`, `Owner`, `Assigned To`) and date range (`Period`, `Date Range`, written \
                    2026-01-01..2026-06-30); other columns are kept and written back by `requests export`. \
                    Importing again keeps the links of requests already in requests.yaml.

                    Exit codes: 0 written; 2 when the CSV has any error (wrong encoding, a ragged row, a \
                    duplicate or missing id, an unknown control, a bad date; each with line and column) or \
                    controls.yaml has errors: nothing is written.
                    """)

            @Argument(help: "The auditor's request list (CSV, UTF-8, with a header row).", completion: .file())
            var file: String

            @OptionGroup var options: WorkspaceOptions

            @Option(
                name: [.short, .customLong("output")],
                help: ArgumentHelp("Where to write (default: WORKSPACE/requests.yaml).", valueName: "file"))
            var output: String?

            func run() throws {
                let assessment = try options.trustedAssessment()
                let importer = RequestImport(assessment: assessment, csvPath: file, output: output)
                let printer = DiagnosticPrinter(
                    colour: Output.colour(fd: 2),
                    source: { [file, workspace = assessment.workspace] shown in
                        if shown == RequestList.file { return workspace.text(shown) }
                        guard shown == file, let bytes = try? RequestImport.read(csv: file) else { return nil }
                        return String(decoding: bytes, as: UTF8.self)
                    })
                do {
                    let outcome = try importer.run()
                    if !outcome.diagnostics.isEmpty { Output.error(printer.render(outcome.diagnostics)) }
                    let kept = outcome.kept == 0 ? "" : " (kept the links of \(outcome.kept))"
                    Output.write(
                        "wrote \(outcome.requests) request\(outcome.requests == 1 ? "" : "s") to \(outcome.path)\(kept)\n"
                    )
                } catch {
                    if !error.diagnostics.isEmpty { Output.error(printer.render(error.diagnostics)) }
                    Output.error("error: \(error.description)")
                    throw Exit.invalid
                }
            }
        }

        /// `dossier requests export [WORKSPACE] [-o FILE.csv]`.
        struct Export: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write the request list back as CSV with status and the evidence that answers each.",
                discussion: """
                    Writes the auditor's columns in the auditor's order, then `Status` (answered, open, overdue) \
                    and `Answered by` (the bundle paths of the evidence files, one per line), as UTF-8 CSV with a \
                    byte-order mark, spreadsheet-safe. Without -o the CSV goes to standard output.

                    Exit codes: 0 written; 2 when the workspace has no requests.yaml or has errors.
                    """)

            @OptionGroup var options: WorkspaceOptions

            @Option(
                name: [.short, .customLong("output")],
                help: ArgumentHelp("The CSV file to write.", valueName: "file"))
            var output: String?

            func run() throws {
                let assessment = try options.trustedAssessment()
                let problems = assessment.diagnostics.filter { $0.file == RequestList.file && $0.severity == .error }
                guard let book = assessment.requests, problems.isEmpty else {
                    if !problems.isEmpty {
                        let printer = DiagnosticPrinter(
                            colour: Output.colour(fd: 2),
                            source: { [workspace = assessment.workspace] in workspace.text($0) })
                        Output.error(printer.render(problems))
                        Output.error("error: \(RequestList.file) has errors; nothing was written")
                    } else {
                        Output.error(
                            "error: no \(RequestList.file) in \(assessment.workspace.root)\n"
                                + "  hint: import the auditor's list first: dossier requests import FILE.csv")
                    }
                    throw Exit.invalid
                }
                let bytes = RequestExport.csv(columns: book.columns, statuses: book.statuses)
                guard let output else {
                    Output.write(bytes)
                    return
                }
                do {
                    try OutputFile.write(bytes, to: output)
                } catch {
                    Output.error("error: \(error.description)")
                    throw Exit.notReady
                }
                Output.write(
                    "wrote \(book.statuses.count) request\(book.statuses.count == 1 ? "" : "s") to \(output)\n")
            }
        }
    }
}
