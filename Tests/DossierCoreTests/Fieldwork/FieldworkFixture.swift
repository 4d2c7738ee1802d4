import DossierCore
import DossierTestSupport

extension FieldworkFixture {
    static func assessment(_ repo: GitFixture, asOf: String? = nil) -> Assessment {
        AssessmentPipeline(workspace: Workspace(path: repo.path), asOfOverride: asOf.flatMap(CalendarDay.init(iso:)))
            .run()
    }

}
