import ArgumentParser
import DossierCore
import DossierScaffold

extension DossierCommand {
    /// `dossier import`: bring another tool's project into a Dossier workspace.
    struct ImportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Create a workspace from another compliance tool's project.",
            subcommands: [Comply.self])

        /// `dossier import comply DIR [-o OUT]`.
        struct Comply: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Import a comply project (strongdm/comply) into a new workspace.",
                discussion: """
                    Reads comply.yml, narratives/, policies/, procedures/ and standards/ and writes controls.yaml \
                    (one planned control per document that satisfies SOC 2 criteria), the policies as draft \
                    policies under policies/, the other documents' text as narratives, and IMPORT-REPORT.md listing what could not be carried over (unknown criteria, \
                    documents without criteria, ticket settings) and what to fill in (owners, evidence).

                    Refuses a non-empty output folder unless --force is given; existing files are never overwritten.

                    Exit codes: 0 imported (even with items in the report); 2 when the input cannot be read or \
                    the output folder cannot be written.
                    """)

            @Argument(help: "The comply project's folder (holds comply.yml).", completion: .directory)
            var directory: String

            @Option(
                name: [.short, .customLong("output")],
                help: ArgumentHelp(
                    "The folder to write the workspace to (created when missing).", valueName: "out"))
            var output: String = ComplyImport.defaultOutput

            @Flag(help: "Write into a non-empty folder, adding only the files that are missing.")
            var force = false

            func run() throws {
                do {
                    let report = try ComplyImport(source: directory, output: output, force: force).run()
                    Output.write(report.text(displayPath: output))
                } catch {
                    Output.error("error: \(error)")
                    throw Exit.invalid
                }
            }
        }
    }
}
