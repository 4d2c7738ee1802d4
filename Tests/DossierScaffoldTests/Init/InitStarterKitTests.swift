import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierScaffold

/// The embedded starter kit: in step with `starter/`, valid, complete, and cut correctly to every scope.
@Suite struct InitStarterKitTests {
    /// The repository root, found from this file's path.
    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let scopes: [Set<TrustCategory>] = [
        [.security], [.security, .availability], [.security, .confidentiality], [.security, .processingIntegrity],
        [.security, .privacy], [.security, .availability, .confidentiality], Set(TrustCategory.allCases),
    ]

    @Test func generatedFileIsUpToDateWithStarterFolder() throws {
        let starter = Self.repoRoot + "/starter"
        var onDisk: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: starter))
        for case let relative as String in enumerator {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: starter + "/" + relative, isDirectory: &isDirectory)
            if isDirectory.boolValue || relative == "NOTES.md" { continue }
            onDisk[relative] = try String(contentsOfFile: starter + "/" + relative, encoding: .utf8)
        }
        let embedded = Dictionary(uniqueKeysWithValues: StarterKit.allFiles.map { ($0.path, $0.contents) })
        let hint = "Sources/DossierScaffold/Generated/StarterKit.swift is out of date with starter/: run `make starter`"
        #expect(Set(onDisk.keys) == Set(embedded.keys), "\(hint)")
        for (path, text) in onDisk where embedded[path] != text {
            Issue.record("\(path) differs. \(hint)")
        }
        #expect(
            StarterKit.allFiles.map(\.path)
                == StarterKit.allFiles.map(\.path).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    }

    @Test func kitLoadsCleanlyAndMapsEveryCriterion() throws {
        let kit = StarterWorkspace.kit
        #expect(kit.diagnostics.isEmpty, "\(kit.diagnostics)")
        #expect((60...90).contains(kit.map.controls.count))
        let mapped = Set(kit.map.controls.flatMap(\.criteria))
        #expect(mapped == Set(SOC2Catalog.criteria.map(\.id)))
        for control in kit.map.controls {
            #expect(control.status == .planned, "\(control.id)")
            #expect(!control.evidence.isEmpty, "\(control.id) names no evidence")
            #expect(control.owner.contains("@"), "\(control.id)")
            let narrative = try #require(control.narrative, "\(control.id) has no narrative")
            #expect(StarterKit.file(narrative) != nil, "\(narrative)")
            #expect(kit.blocks[control.id]?.filter { $0.hasPrefix("    criteria: [") }.count == 1, "\(control.id)")
            let folder = try #require(
                control.evidence.first?.path.split(separator: "/").dropLast().joined(separator: "/"))
            #expect(StarterKit.file(folder + "/README.md") != nil, "\(control.id) has no evidence README")
        }
        #expect(StarterKit.file(".gitignore")?.contents.contains("site/\ndist/\n") == true)
        #expect(StarterKit.file("ci/github-actions.yml")?.contents.contains("dossier check --strict") == true)
        #expect(StarterKit.file("ci/gitlab-ci.yml")?.contents.contains("dossier check --strict") == true)
    }

    @Test func fullScopeWithPlaceholdersReproducesTheKit() {
        let workspace = StarterWorkspace(
            organization: "{{organization}}", system: "{{system}}", scope: Set(TrustCategory.allCases))
        #expect(workspace.files.count == StarterKit.allFiles.count)
        for file in workspace.files {
            var expected = StarterKit.file(file.path)?.contents ?? ""
            if file.path == "controls.yaml" {
                expected = expected.replacing(
                    "scope: [security, availability, confidentiality]",
                    with: "scope: [security, availability, processing-integrity, confidentiality, privacy]")
            }
            #expect(file.contents == expected, "\(file.path)")
        }
    }

    @Test(arguments: scopes)
    func everyScopeWritesAValidMapCoveringItsCriteria(scope: Set<TrustCategory>) throws {
        let workspace = StarterWorkspace(organization: "Acme", scope: scope)
        let paths = Set(workspace.files.map(\.path))
        let map = try load(workspace)
        #expect(map.scope == scope)
        #expect(map.controls.map(\.id) == workspace.controls.map(\.id))
        let inScope = Set(SOC2Catalog.criteria.filter { scope.contains($0.category) }.map(\.id))
        #expect(Set(map.controls.flatMap(\.criteria)) == inScope)
        let written = Set(map.controls.map(\.id))
        for id in StarterWorkspace.kit.ids {
            let readmes = paths.filter { $0.hasPrefix("evidence/") && $0.contains("/\(id)/") }
            #expect(readmes.isEmpty != written.contains(id), "\(id)")
        }
        let narratives = paths.filter { $0.hasPrefix("narratives/") }
        #expect(narratives == Set(map.controls.compactMap(\.narrative)))
        // Each written area keeps its header comment, whichever of its controls come first.
        let areas = Set(map.controls.compactMap(\.narrative))
        let text = workspace.files[0].contents
        #expect(text.components(separatedBy: "\n  # ----").count - 1 == areas.count * 2)
        #expect(!text.contains("{{"))
        // Narratives cite only controls that are written.
        for file in workspace.files where file.path.hasPrefix("narratives/") {
            for id in StarterWorkspace.kit.ids.subtracting(written) {
                #expect(!file.contents.contains("[\(id)]"), "\(file.path) cites \(id)")
            }
        }
    }

    @Test func privacyAndProcessingControlsDropOutOfTheDefaultScope() throws {
        #expect(StarterWorkspace.defaultScope == [.security, .availability, .confidentiality])
        let workspace = StarterWorkspace(organization: "Acme")
        #expect(!workspace.controls.contains { $0.id.hasPrefix("PRIV-") })
        #expect(
            !workspace.files.contains { $0.path == "narratives/privacy.md" || $0.path.hasPrefix("evidence/privacy/") })
        let inf = try #require(
            StarterWorkspace.kit.map.controls.first { $0.criteria.contains("C1.1") && $0.id.hasPrefix("INF") })
        let security = StarterWorkspace(organization: "Acme", scope: [.security])
        let cut = try #require(security.controls.first { $0.id == inf.id })
        #expect(!cut.criteria.contains("C1.1") && !cut.criteria.isEmpty)
    }

    @Test(arguments: [
        "Acme: \"Best\" #1", "O'Brien & Sons # hash", "- dash", "ON", "~", "null", "[bracket]", "{brace}",
        "back\\slash",
        "Zürich AG — 東京", "  spaced  ", "@at", "%percent", "*star", "a: b", "50%", "1.10", "0x1F", "tab\there",
    ])
    func organizationNamesSurviveYAML(name: String) throws {
        let workspace = StarterWorkspace(organization: name)
        let map = try load(workspace)
        #expect(map.organization == name)
        #expect(map.system == name + " Platform")
        let narrative = try #require(workspace.files.first { $0.path == "narratives/access.md" })
        #expect(narrative.contents.contains(name))
    }

    @Test func namesWithLineBreaksAreRefused() {
        #expect(StarterWorkspace.nameProblem("Acme\nInc") != nil)
        #expect(StarterWorkspace.nameProblem("   ") != nil)
        #expect(StarterWorkspace.nameProblem("Acme, Inc.") == nil)
    }

    @Test func scopeListsParse() throws {
        #expect(try StarterWorkspace.parseScope("privacy").get() == [.security, .privacy])
        #expect(
            try StarterWorkspace.parseScope(" Availability , processing-integrity,").get() == [
                .security, .availability, .processingIntegrity,
            ])
        #expect(throws: UnknownCategoryError.self) {
            try StarterWorkspace.parseScope("security,integrity").get()
        }
    }

    /// Loads the written control map, with narrative paths checked against the written files.
    func load(_ workspace: StarterWorkspace) throws -> ControlMap {
        let paths = Set(workspace.files.map(\.path))
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { paths.contains($0) }).load(
            Array(workspace.files[0].contents.utf8), into: log)
        let diagnostics = log.diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return map
    }
}
