import ArgumentParser
import DossierCore

extension DossierCommand {
    /// `dossier check`: judge readiness and report it, for people or (with --json) for machines.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge how ready the workspace is for a SOC 2 audit.",
            discussion: """
                Prints readiness overall and per category, controls by state, what to do (missing evidence, \
                stale evidence, Type II gaps, uncovered criteria) and every problem found in the input.

                Exit codes: 0 valid; 1 with --strict when any applicable criterion is not covered or any \
                implemented control is not ready; 2 when the input is invalid.
                """)

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Print one JSON document instead of the text report.")
        var json = false

        @Flag(help: "Exit 1 unless every applicable criterion is covered and every control is ready or not applicable.")
        var strict = false

        func run() throws {
            let assessment = try options.pipeline().run()
            if json {
                try ReadinessReport.write(assessment) { Output.write($0) }
            } else {
                Output.write(TextSummary(colour: Output.colour()).render(assessment))
            }
            if !assessment.isValid { throw Exit.invalid }
            if strict && !assessment.readiness.isComplete { throw Exit.notReady }
        }
    }
}
