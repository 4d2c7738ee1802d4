import ArgumentParser
import DossierCore

extension DossierCommand {
    /// `dossier check`: judge readiness and report it, for people or (with --json) for machines.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge how ready the workspace is for a SOC 2 audit.",
            discussion: """
                Prints readiness overall and per category, controls by state, what to do (missing evidence, \
                evidence failing its tests, Type II gaps, stale evidence, uncovered criteria, planned controls) \
                and every problem found in the input, each with a stable code in brackets (docs/diagnostics.md).

                When controls.yaml has errors, only the diagnostics are printed (with --json: `valid: false` \
                and the diagnostics): figures judged from a broken map would mislead.

                Exit codes: 0 valid; 1 with --strict when any applicable criterion is not covered, any \
                control is neither ready nor not-applicable (planned controls count) or a file a bundle would \
                ship has an unacknowledged secret finding, and the last line says which; 2 when the input is \
                invalid.
                """)

        @OptionGroup var options: WorkspaceOptions

        @Flag(help: "Print one JSON document instead of the text report.")
        var json = false

        @Flag(
            help: "Exit 1 unless every applicable criterion is covered and every control is ready or not applicable.")
        var strict = false

        func run() throws {
            let assessment = try options.pipeline().run()
            if !assessment.controlMapErrors.isEmpty {
                // Controls or fields were lost: figures would mislead, so only the diagnostics are shown.
                if json {
                    Output.write(try InvalidMapReport(assessment).encoded())
                } else {
                    let printer = DiagnosticPrinter(
                        colour: Output.colour(fd: 2),
                        source: { [workspace = assessment.workspace] in workspace.text($0) })
                    Output.error(printer.render(assessment.controlMapDiagnostics))
                }
                Output.error("error: " + assessment.controlMapVerdict)
                throw Exit.invalid
            }
            if json {
                try ReadinessReport.write(assessment) { Output.write($0) }
            } else {
                Output.write(TextSummary(colour: Output.colour()).render(assessment))
            }
            if !assessment.isValid {
                Output.error("error: the workspace has errors (see Diagnostics)")
                throw Exit.invalid
            }
            if strict, let failure = assessment.strictFailure {
                Output.error(failure)
                throw Exit.notReady
            }
        }
    }
}
