import ArgumentParser
import DossierCore

extension DossierCommand {
    /// `dossier population CONTROL`: the complete population of a control over the audit period.
    struct PopulationCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "population",
            abstract: "List a control's complete population over the audit period.",
            discussion: """
                Lists every usable evidence file of the control dated inside the audit period (controls.yaml \
                `period`, cut at the as-of day) with its date, commit and SHA-256; with --rows, every data row \
                of those files that are CSV/TSV exports, each with its file and line. Items are in a canonical \
                order (date, path, line) and numbered; the population's digest is the SHA-256 of one line per \
                item, `<sha256> <date> <path>` (rows: `<path>:<line>`), which `dossier sample` draws from.

                Exit codes: 0 listed (also an empty population); 2 invalid input (an unknown control or \
                requirement, no audit period, errors in controls.yaml).
                """)

        @Argument(help: "The control's id, as in controls.yaml.")
        var control: String

        @OptionGroup var options: WorkspaceOptions

        @Option(help: ArgumentHelp("Only this evidence requirement (1-based, controls.yaml order).", valueName: "n"))
        var requirement: Int?

        @Flag(help: "List every data row of the CSV/TSV exports instead of the files.")
        var rows = false

        @Flag(help: "Print one JSON document.")
        var json = false

        @Flag(help: "Print CSV (UTF-8 with a byte-order mark, spreadsheet-safe).")
        var csv = false

        func validate() throws {
            if json && csv { throw ValidationError("--json and --csv cannot be used together") }
        }

        func run() throws {
            let population = try FieldworkRun.population(
                options: options, control: control, requirement: requirement, rows: rows)
            if json {
                Output.write(try PopulationReport.json(population))
            } else if csv {
                Output.write(PopulationReport.csv(population))
            } else {
                Output.write(PopulationReport.text(population))
            }
        }
    }
}

/// What `population` and `sample` share: the assessment, then the population, with its errors on stderr.
enum FieldworkRun {
    static func population(options: WorkspaceOptions, control: String, requirement: Int?, rows: Bool) throws
        -> Population
    {
        let assessment = try options.trustedAssessment()
        do {
            return try PopulationBuilder(assessment: assessment).build(
                control: control, requirement: requirement, unit: rows ? .rows : .files)
        } catch {
            Output.error("error: \(error.description)\n  hint: \(error.hint)")
            throw Exit.invalid
        }
    }
}
