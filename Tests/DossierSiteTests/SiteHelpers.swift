import DossierCore
import DossierGit
import DossierSite
import DossierTestSupport
import Foundation

/// Renders a workspace the way `dossier build` does, without the command line.
func renderSite(_ path: String, options: SiteOptions = .init(), templates: String? = nil) throws -> (
    Assessment, SiteOutput, [Diagnostic]
) {
    let assessment = AssessmentPipeline(workspace: Workspace(path: path)).run()
    let log = DiagnosticLog()
    let set = TemplateSet.load(workspace: assessment.workspace, overrideDirectory: templates, into: log)
    let templateDiagnostics = log.diagnostics
    let digests = EvidenceDigest.digests(
        of: assessment.readiness.inventory, files: WorkspaceFiles(root: assessment.workspace.root))
    let output = try SiteRenderer(assessment: assessment, digests: digests, templates: set, options: options).render()
    return (assessment, output, assessment.diagnostics + templateDiagnostics + output.diagnostics)
}

extension SiteOutput {
    func text(_ path: String) -> String {
        file(path).map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    var byPath: [String: [UInt8]] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    }

    var pages: [SiteFile] { files.filter(\.isPage) }
}

/// A fixture workspace with one narrative whose body is `markdown`, and the control map of the site fixture.
func narrativeWorkspace(_ markdown: String, name: String = "narratives/access.md") -> GitFixture {
    let repo = SiteWorkspaceFixture.make()
    repo.write(name, markdown)
    repo.commit("narrative", date: "2026-04-01")
    return repo
}
