import ArgumentParser
import DossierCore

extension WorkspaceOptions {
    /// The assessment for commands that answer an auditor from the workspace (`population`, `sample`,
    /// `requests`, `export`): while the control map has errors, its diagnostics go to stderr and the command
    /// exits 2, since anything listed from a map that lost controls would mislead.
    func trustedAssessment() throws -> Assessment {
        let assessment = try pipeline().run()
        guard assessment.controlMapErrors.isEmpty else {
            let printer = DiagnosticPrinter(
                colour: Output.colour(fd: 2), source: { [workspace = assessment.workspace] in workspace.text($0) })
            Output.error(printer.render(assessment.controlMapDiagnostics))
            Output.error("error: " + assessment.controlMapVerdict)
            throw Exit.invalid
        }
        return assessment
    }
}
