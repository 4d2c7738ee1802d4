import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierScaffold

/// Reading a comply project and turning it into a workspace and a report.
@Suite struct ComplyImporterTests {
    func importFixture() throws -> (ComplyProject, ComplyImporter.Result) {
        let temp = TemporaryDirectory()
        let project = try ComplyProject(root: ComplyFixture.write(in: temp))
        return (project, ComplyImporter(project: project, sourceName: "comply").run())
    }

    @Test func readsSettingsDocumentsAndStandards() throws {
        let (project, _) = try importFixture()
        #expect(project.name == "Initech" && project.filePrefix == "INI")
        #expect(project.ticketSystems == ["jira"])
        #expect(project.otherSettings == ["approver"])
        #expect(
            project.documents.map(\.path) == [
                "narratives/organization.md", "narratives/products.md", "policies/access.md",
                "policies/availability.md",
                "policies/classification.md", "policies/privacy.yml", "procedures/offboarding.md",
                "procedures/patch.md",
                "procedures/review.md",
            ])
        #expect(project.standards.map(\.name) == ["TSC", "ISO27001"])
        let skipped = Dictionary(uniqueKeysWithValues: project.skipped.map { ($0.path, $0.reason) })
        #expect(skipped["narratives/README.md"]?.contains("no YAML header") == true)
        #expect(skipped["policies/broken.md"]?.contains("line 1") == true)
        #expect(skipped["policies/notes.txt"] != nil)
        let organization = try #require(project.documents.first)
        #expect(
            organization.name == "Organization: Narrative" && organization.acronym == "ON"
                && organization.revisions == 1)
        #expect(organization.satisfies.map(\.keys) == [["CC1.2", "CC1.3"]])
        #expect(organization.body.hasPrefix("\n# {{.Name}} Organization"))
    }

    @Test func writesOnePlannedControlPerDocumentWithCriteria() throws {
        let (_, result) = try importFixture()
        #expect(result.organization == "Initech" && result.system == "Initech Platform")
        #expect(result.controls.map(\.id) == ["ON", "AP", "AP-2", "P-P-1", "PATCH", "ACCESS-REVIEW"])
        #expect(
            result.controls.map(\.criteria) == [
                ["CC1.2", "CC1.3"], ["CC6.1"], ["A1.1", "CC9.1"], ["P1.1"], ["CC7.1"], ["CC6.3"],
            ])
        #expect(result.controls.map(\.frequency) == [.annual, .annual, .annual, .annual, .monthly, .quarterly])
        #expect(result.controls.allSatisfy { $0.status == .planned && $0.owner == ComplyImporter.ownerPlaceholder })
        #expect(result.controls[0].narrative == "narratives/narratives/organization.md")
        #expect(result.controls[3].narrative == nil)
        #expect(result.scope == [.security, .availability, .privacy])

        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
        let paths = Set(files.keys)
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { paths.contains($0) }).load(
            Array(files["controls.yaml"]!.utf8), into: log)
        let diagnostics = log.diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(map.controls.map(\.title) == result.controls.map(\.title))
        #expect(map.organization == "Initech")

        let organization = try #require(files["narratives/narratives/organization.md"])
        #expect(
            organization.hasPrefix(
                "---\ntitle: \"Organization: Narrative\"\nsummary: Imported from the comply narrative narratives/organization.md\n---\n\n# Initech Organization\n"
            ))
        #expect(organization.contains("Initech has a board. Files are prefixed INI; {{.Unknown}} stays."))
        #expect(
            organization.contains(
                "See the [access policy](../../policies/access.md), the [patch steps](../procedures/patch.md#os-patch-procedure)\nand the diagram."
            ))
        #expect(files["narratives/procedures/offboarding.md"]?.contains("Suspend the user") == true)
        #expect(
            files["policies/access.md"]?.contains(
                "See \\[CC9.9], [CC6.1], [AP-2], \\[XY-12], [the AP][AP], `[ZZ-1]` and [a link](https://example.com).")
                == true)
        #expect(files["policies/access.md"]?.contains("```\n[QQ-1]\n```") == true)
        // Policies are draft policies under policies/, with the criteria comply gave them.
        #expect(
            files["policies/access.md"]?.hasPrefix(
                "---\nid: AP\ntitle: Access Policy\nowner: owner@example.com\nversion: \"1.0\"\nreview: annual\ncriteria: [CC6.1]\n---\n"
            ) == true, "\(files["policies/access.md"] ?? "")")
        #expect(files["policies/classification.md"]?.contains("criteria: []\n") == true)
        #expect(!files.keys.contains { $0.hasPrefix("narratives/policies/") })
        #expect(files["IMPORT-REPORT.md"] == result.report.markdown)
        #expect(files[".gitignore"] != nil && files["evidence/README.md"] != nil)
        #expect(!files.values.contains { $0.contains("not-a-real-token") })
    }

    @Test func reportsWhatDidNotCarryOver() throws {
        let (_, result) = try importFixture()
        let report = result.report
        let criteria = report.items(in: ImportReport.criteria).joined(separator: "\n")
        #expect(
            criteria.contains(
                "`policies/access.md` (Access Policy): `CC9.9` is not a SOC 2 criterion: dropped from the control"))
        #expect(
            criteria.contains(
                "`policies/classification.md` (Data Classification Policy): `CC9.9` is not a SOC 2 criterion: no control written"
            ))
        #expect(criteria.contains("standard `ISO27001`"))
        #expect(criteria.contains("`standards/TSC-2017.yml` defines `CC9.9`"))
        let noControl = report.items(in: ImportReport.noControl).joined(separator: "\n")
        #expect(noControl.contains("`procedures/offboarding.md`") && noControl.contains("`narratives/products.md`"))
        let notCarried = report.items(in: ImportReport.notCarried).joined(separator: "\n")
        #expect(notCarried.contains("`tickets: jira`") && notCarried.contains("`approver`"))
        #expect(notCarried.contains("2 procedure cron schedule(s)"))
        #expect(notCarried.contains("Revision history: 2"))
        #expect(notCarried.contains("`{{.Unknown}}`"))
        #expect(
            notCarried.contains(
                "Links to files that were not imported became plain text: `narratives/narratives/organization.md` (1)"))
        #expect(notCarried.contains("were escaped (`\\[`) so they read as text: `policies/access.md` (2)"))
        #expect(report.items(in: ImportReport.fillIn).contains { $0.contains("owner@example.com") })
        #expect(report.items(in: ImportReport.skippedFiles).count == 3)
        #expect(report.markdown.contains("## Criteria not carried over (4)"))
        #expect(!report.markdown.contains("not-a-real-token"))
    }

    @Test func refusesWhatIsNotAComplyProject() throws {
        let temp = TemporaryDirectory()
        temp.write("other/readme.md", "x")
        #expect(throws: ComplyProjectError.self) { try ComplyProject(root: temp.path + "/other") }
        #expect(throws: ComplyProjectError.self) { try ComplyProject(root: temp.path + "/missing") }
        temp.write("bad/comply.yml", "name: [unclosed\n")
        #expect(throws: ComplyProjectError.self) { try ComplyProject(root: temp.path + "/bad") }
    }

    @Test func linksAndOversizedFilesAreSkippedNotFollowed() throws {
        let temp = TemporaryDirectory()
        let root = ComplyFixture.write(in: temp)
        let secret = temp.write("secret.md", "name: Secret\nacronym: S\nsatisfies:\n  TSC: [CC1.1]\n---\ntop secret\n")
        try FileManager.default.createSymbolicLink(atPath: root + "/policies/link.md", withDestinationPath: secret)
        temp.write(
            "comply/policies/huge.md",
            "name: Huge\n---\n" + String(repeating: "x", count: ComplyProject.maxDocumentBytes))
        let project = try ComplyProject(root: root)
        let skipped = Dictionary(uniqueKeysWithValues: project.skipped.map { ($0.path, $0.reason) })
        #expect(skipped["policies/link.md"]?.contains("symbolic link") == true)
        #expect(skipped["policies/huge.md"]?.contains("larger than") == true)
        let result = ComplyImporter(project: project, sourceName: "comply").run()
        #expect(!result.files.contains { $0.contents.contains("top secret") })
    }

    @Test func aFolderWithoutComplyYmlUsesItsName() throws {
        let temp = TemporaryDirectory()
        temp.write("Hooli/policies/a.md", "name: A\nacronym: A\nsatisfies:\n  TSC: [CC1.1]\n---\n{{.Name}} rules\n")
        let result = ComplyImporter(project: try ComplyProject(root: temp.path + "/Hooli"), sourceName: "Hooli").run()
        #expect(result.organization == "Hooli")
        #expect(result.files.first { $0.path == "policies/a.md" }?.contents.contains("Hooli rules") == true)
        #expect(result.report.items(in: ImportReport.fillIn).contains { $0.contains("there is no comply.yml") })
        temp.write("Hooli/comply.yml", "filePrefix: H\n")
        let unnamed = ComplyImporter(project: try ComplyProject(root: temp.path + "/Hooli"), sourceName: "Hooli").run()
        #expect(unnamed.organization == "Hooli")
        #expect(unnamed.report.items(in: ImportReport.fillIn).contains { $0.contains("comply.yml has no `name`") })
    }

    @Test("a clone without comply's template set skips its tests, unless CI is set: then they run and fail")
    func templateSetTestsSkipOnlyOutsideCI() {
        #expect(!ComplyFixture.testsTemplateSet(available: false, environment: [:]))
        #expect(!ComplyFixture.testsTemplateSet(available: false, environment: ["CI": ""]))
        #expect(!ComplyFixture.testsTemplateSet(available: false, environment: ["CI": "false"]))
        #expect(ComplyFixture.testsTemplateSet(available: false, environment: ["CI": "true"]))
        #expect(ComplyFixture.testsTemplateSet(available: false, environment: ["CI": "1"]))
        #expect(ComplyFixture.testsTemplateSet(available: true, environment: [:]))
    }

    @Test(
        "comply's own template set (from ../shared/third-party; under CI a missing set fails, elsewhere it skips)",
        .enabled(
            if: ComplyFixture.testsTemplateSet,
            "not run: comply's template set is not at ../shared/third-party/comply-soc2 beside this clone (with CI set, this fails instead)"
        ))
    func complysOwnTemplateSetImportsWithoutErrors() throws {
        let temp = TemporaryDirectory()
        let source = try ComplyFixture.copyTemplateSet(to: temp)
        let result = ComplyImporter(project: try ComplyProject(root: source), sourceName: "comply-soc2").run()
        let files = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.contents) })
        let paths = Set(files.keys)
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { paths.contains($0) }).load(
            Array(files["controls.yaml"]!.utf8), into: log)
        let diagnostics = log.diagnostics
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        #expect(map.controls.count == result.controls.count)
        #expect(result.controls.count >= 20)
        let unknown = result.report.items(in: ImportReport.criteria).filter {
            $0.contains("`CC9.9` is not a SOC 2 criterion")
        }
        #expect(unknown.count == 5)
        #expect(!files.contains { $0.key.hasPrefix("narratives/") && $0.value.contains("{{.Name}}") })
    }
}

/// comply's cron schedules as frequencies.
@Suite struct ComplyCronTests {
    @Test(arguments: [
        ("0 0 0 15 * *", Frequency.monthly), ("0 0 9 * * MON", .weekly), ("0 9 * * 1-5", .daily), ("0 0 * * *", .daily),
        ("0 0 0 1 1 *", .annual), ("0 0 0 1 1,7 *", .semiannual), ("0 0 0 1 */3 *", .quarterly),
        ("0 0 0 1 JAN,APR,JUL,OCT *", .quarterly),
        ("@yearly", .annual), ("@monthly", .monthly), ("@weekly", .weekly), ("@hourly", .daily),
        ("*/5 * * * *", .daily),
        ("0 0 0 1,15 * *", .monthly), ("0 0 0 * * 0,7", .weekly), ("0 0 0 1 1 * 2026", .annual),
    ])
    func readsSchedules(cron: String, expected: Frequency) {
        #expect(CronSchedule.frequency(cron) == expected)
    }

    @Test(arguments: [
        "", "every day", "0 0 0 32 * *", "0 0 0 1 13 *", "@every 24h", "* * *", "0 0 0 5-1 * *", "0 0 0 */0 * *",
    ])
    func refusesWhatItCannotRead(cron: String) {
        #expect(CronSchedule.frequency(cron) == nil)
    }
}
