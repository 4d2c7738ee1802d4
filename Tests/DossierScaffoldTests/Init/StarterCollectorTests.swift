import DossierCore
import Foundation
import Testing

@testable import DossierScaffold

/// The commented `collect:` examples in the starter READMEs and the scheduled collect jobs of the CI templates.
@Suite struct StarterCollectorTests {
    /// Each README's example, uncommented, loaded into a control map as the README says to use it.
    @Test func everyCommentedCollectorIsValidOnceUncommented() throws {
        let readmes = StarterKit.allFiles.filter { $0.contents.contains("**Collecting it automatically:**") }
        #expect(readmes.count >= 5)
        var programs: [String] = []
        for readme in readmes {
            let block = try #require(
                readme.contents.components(separatedBy: "```yaml\n").dropFirst().first?
                    .components(separatedBy: "```").first)
            let uncommented = block.split(separator: "\n").map { line -> String in
                var text = String(line)
                if let hash = text.firstIndex(of: "#") { text.remove(at: hash) }
                if text.hasPrefix("       ") { text.removeFirst() }
                return text
            }
            let map = """
                dossier: 1
                organization: Acme Cloud, Inc.
                system: Acme Platform
                controls:
                  - id: X-1
                    title: Example
                    owner: it@acme.example
                    frequency: quarterly
                    criteria: [CC6.1]
                    status: implemented
                    evidence:
                \(uncommented.joined(separator: "\n"))

                """
            let log = DiagnosticLog()
            let loaded = ControlMapLoader(fileExists: { _ in false }).load(Array(map.utf8), into: log)
            #expect(log.diagnostics.filter { $0.severity == .error }.isEmpty, "\(readme.path): \(log.diagnostics)")
            let collector = try #require(loaded.controls.first?.evidence.first?.collector, "\(readme.path)")
            programs.append(collector.shell ? "sh" : collector.run[0])
        }
        #expect(Set(programs).isSuperset(of: ["aws", "gh", "gam"]))
    }

    @Test func theCITemplatesCollectOnTheirSchedulesAndPush() throws {
        let github = try #require(StarterKit.file("ci/github-actions.yml")?.contents)
        #expect(github.contains("run: dossier collect --due --commit"))
        #expect(github.contains("github.event_name == 'schedule'"))
        #expect(github.contains("contents: write"))
        #expect(github.contains("git push origin"))
        let gitlab = try #require(StarterKit.file("ci/gitlab-ci.yml")?.contents)
        #expect(gitlab.contains("dossier collect --due --commit"))
        #expect(gitlab.contains("$CI_PIPELINE_SOURCE == \"schedule\""))
        #expect(gitlab.contains("git push"))
    }
}
