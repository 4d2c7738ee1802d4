import DossierArchive
import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierBundle

/// The `dossier bundle` use case, below the command: what it refuses, what it ships and what it reports.
@Suite("bundle use case")
struct BundleBuildTests {
    func build(_ repo: GitFixture, format: ArchiveFormat = .zip, allowSecrets: Bool = false) -> (BundleBuild, String) {
        let output = outputFolder()
        let build = BundleBuild(
            pipeline: AssessmentPipeline(workspace: Workspace(path: repo.path), today: CalendarDay(iso: "2026-03-31")!),
            options: BundleOptions(
                format: format, outputDirectory: output, allowSecrets: allowSecrets, time: bundleTime))
        return (build, output)
    }

    @Test("a workspace with errors is refused before anything is written, with its diagnostics")
    func invalidWorkspace() throws {
        let repo = BundleWorkspace.make()
        repo.write(
            "controls.yaml",
            BundleWorkspace.controls.replacingOccurrences(of: "frequency: annual", with: "frequency: sometimes"))
        repo.commit("typo", date: "2026-03-02")
        let (build, output) = build(repo)
        #expect {
            _ = try build.run()
        } throws: { error in
            guard case BundleBuildError.invalidWorkspace(let diagnostics, _) = error else { return false }
            return diagnostics.hasErrors && diagnostics.allSatisfy { $0.severity != .note }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: output).isEmpty)
    }

    @Test("a valid workspace gives a bundle with its site inside, and the bundler's warnings are reported")
    func written() throws {
        let repo = BundleWorkspace.make()
        repo.write("evidence/access/keys.txt", "deploy key AKIAQ3EGRPZ7KXM4TJ2W\n")
        repo.commit("an export with a key in it", date: "2026-03-02")
        let (build, _) = build(repo, allowSecrets: true)
        let outcome = try build.run()
        #expect(FileManager.default.fileExists(atPath: outcome.result.path))
        let names = try readArchive(outcome.result.path).map(\.header.path)
        #expect(names.contains { $0.hasSuffix("/data/site/index.html") })
        #expect(outcome.result.evidenceFiles == BundleWorkspace.referenced.count + 1)
        #expect(outcome.warnings.contains { $0.file == "evidence/access/keys.txt" && $0.severity == .warning })
    }
}
