import ArgumentParser
import DossierCore

/// The workspace argument and as-of date shared by `check`, `build` and `bundle`.
struct WorkspaceOptions: ParsableArguments {
    @Argument(help: "The workspace folder (holds controls.yaml).", completion: .directory)
    var workspace: String = "."

    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge readiness as of this day (YYYY-MM-DD, UTC).",
            discussion: "Default: as_of in controls.yaml, else the day of SOURCE_DATE_EPOCH, else today (UTC).",
            valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, CalendarDay(iso: asOf) == nil {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, found `\(asOf)`")
        }
    }

    /// The pipeline for the workspace; a workspace that cannot be loaded at all is one error and exit 2.
    func pipeline() throws -> AssessmentPipeline {
        do {
            _ = try Clock.now()
        } catch {
            throw ValidationError(error.description)
        }
        let folder = Workspace(path: workspace)
        if let problem = WorkspaceProblem.of(folder) {
            Output.error(problem.description)
            throw Exit.invalid
        }
        return AssessmentPipeline(workspace: folder, asOfOverride: asOf.flatMap(CalendarDay.init(iso:)))
    }
}
