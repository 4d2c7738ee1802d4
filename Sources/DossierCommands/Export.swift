import ArgumentParser
import DossierCore
import DossierGit

extension DossierCommand {
    /// `dossier export`: machine-readable results for other tools.
    struct ExportCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export the readiness judgement for other tools.",
            subcommands: [Oscal.self])

        /// `dossier export oscal [WORKSPACE] [-o DIR]`.
        struct Oscal: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Write an OSCAL 1.1 assessment-results document.",
                discussion: """
                    Writes DIR/assessment-results.json (default DIR: WORKSPACE/oscal): every control as a \
                    reviewed control, each evidence requirement as an observation whose evidence links to a \
                    back-matter resource per file (path, SHA-256, commit, evidence date), and a finding per \
                    applicable criterion (satisfied when a ready control covers it). UUIDs are version 5 of \
                    stable names and timestamps the as-of day, so the same commit and as-of day give the same \
                    bytes. Evidence links are relative (../evidence/…): they resolve from WORKSPACE/oscal and \
                    from data/oscal in a bundle.

                    Exit codes: 0 written; 1 the file could not be written; 2 invalid input.
                    """)

            @OptionGroup var options: WorkspaceOptions

            @Option(
                name: [.short, .customLong("output")],
                help: ArgumentHelp("The folder to write into (default: WORKSPACE/oscal).", valueName: "dir"),
                completion: .directory)
            var output: String?

            func run() throws {
                let assessment = try options.trustedAssessment()
                let folder = output ?? assessment.workspace.root + "/oscal"
                let path = folder + "/" + OscalExport.fileName
                do {
                    try OutputFile.makeFolder(folder)
                    try OutputFile.write(try OscalExport.of(assessment).encoded(), to: path)
                } catch let error as OutputFileError {
                    Output.error("error: \(error.description)")
                    throw Exit.notReady
                }
                Output.write("wrote \(path)\n")
            }
        }
    }
}
