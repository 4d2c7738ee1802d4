import DossierGit
import DossierMarkdown

/// The registers' part of the pipeline once readiness and narratives are judged: check each policy's text
/// like a narrative's, read the registers' git history, and judge.
struct RegisterSteps {
    let workspace: Workspace
    let asOf: CalendarDay
    let map: ControlMap

    func judge(
        _ sources: RegisterSources, readiness: Readiness, tests: EvidenceTestResults, narratives: NarrativeCatalog,
        into log: DiagnosticLog
    ) -> RegisterResults {
        var sources = sources
        for index in sources.policies.indices {
            NarrativeCatalog.check(
                &sources.policies[index].document, linker: narratives.linker, limits: MarkdownLimits(),
                invalidControlIDs: map.invalidControlIDs, log)
        }
        var results = RegisterJudge(asOf: asOf, map: map).judge(
            sources, readiness: readiness, tests: tests, history: history(sources))
        results.hasPolicies = !sources.policies.isEmpty || workspace.isDirectory(Policy.folder)
        return results
    }

    /// Every commit that changed `risks.yaml` or a policy; empty without git (the evidence scan said so).
    private func history(_ sources: RegisterSources) -> GitFileLog {
        var pathspecs: [String] = []
        if sources.risks != nil { pathspecs.append(RiskRegister.file) }
        if !sources.policies.isEmpty { pathspecs.append(Policy.folder) }
        guard !pathspecs.isEmpty, let git = Git(directory: workspace.root),
            let repository = try? GitRepository.open(git), repository.head != nil,
            let log = try? GitFileLog.read(git, pathspecs: pathspecs)
        else { return GitFileLog() }
        return log
    }
}
