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

    func pipeline() throws -> AssessmentPipeline {
        do {
            _ = try Clock.now()
        } catch {
            throw ValidationError(error.description)
        }
        return AssessmentPipeline(
            workspace: Workspace(path: workspace), asOfOverride: asOf.flatMap(CalendarDay.init(iso:)))
    }
}
