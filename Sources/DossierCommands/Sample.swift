import ArgumentParser
import DossierCore

extension DossierCommand {
    /// `dossier sample CONTROL --seed SEED`: a reproducible sample from the control's population.
    struct SampleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample",
            abstract: "Draw a reproducible sample from a control's population.",
            discussion: """
                Draws from the population `dossier population` lists (same options) with the algorithm \
                dossier-sample-v1: each item i (1…N) gets the key SHA-256("dossier-sample-v1:" + digest + ":" \
                + seed + ":" + i), the items with the smallest keys (as hex) are picked, and the picks are \
                listed in population order. Anyone with the population's digest and the seed can re-derive \
                them. Without --size the size follows the usual guidance by frequency (annual 1, quarterly 2, \
                monthly 2, weekly 5, daily 25, several times a day 25–60: the low end), never more than the \
                population; README cites the guidance.

                Exit codes: 0 drawn (also an empty sample of an empty population); 2 invalid input.
                """)

        @Argument(help: "The control's id, as in controls.yaml.")
        var control: String

        @OptionGroup var options: WorkspaceOptions

        @Option(help: ArgumentHelp("The seed (any text, for example the auditor's number).", valueName: "seed"))
        var seed: String

        @Option(help: ArgumentHelp("How many items to pick (default: by the control's frequency).", valueName: "n"))
        var size: Int?

        @Option(help: ArgumentHelp("Only this evidence requirement (1-based, controls.yaml order).", valueName: "n"))
        var requirement: Int?

        @Flag(help: "Sample data rows of the CSV/TSV exports instead of files.")
        var rows = false

        @Flag(help: "Print one JSON document.")
        var json = false

        @Flag(help: "Print the picks as CSV (UTF-8 with a byte-order mark, spreadsheet-safe).")
        var csv = false

        func validate() throws {
            if json && csv { throw ValidationError("--json and --csv cannot be used together") }
            if seed.isEmpty { throw ValidationError("--seed must not be empty") }
            if let size, size < 1 { throw ValidationError("--size must be at least 1") }
        }

        func run() throws {
            let population = try FieldworkRun.population(
                options: options, control: control, requirement: requirement, rows: rows)
            let draw = SampleDraw(population: population, seed: seed, size: size)
            if json {
                Output.write(try PopulationReport.json(draw))
            } else if csv {
                Output.write(PopulationReport.csv(population, items: draw.picks().map(\.item)))
            } else {
                Output.write(PopulationReport.text(draw))
            }
        }
    }
}
