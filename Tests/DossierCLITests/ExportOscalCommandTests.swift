import DossierTestSupport
import Foundation
import Testing

/// `export oscal` validated by NIST's OSCAL models through compliance-trestle (`make test-deps` installs it;
/// the test fails rather than skips without it), on the example workspace and a generated one.
@Suite("export oscal", .serialized)
struct ExportOscalCommandTests {
    static var repoRoot: String { FileManager.default.currentDirectoryPath }

    /// `trestle validate` on the document, inside a fresh `trestle init` workspace.
    static func trestleValidate(_ document: String) throws -> Command.Result {
        let trestle = try #require(
            BuildBrowserTests.tool("trestle"), "install it: pip install compliance-trestle (make test-deps)")
        let directory = TemporaryDirectory("dossier-trestle")
        let initialised = Command.run(trestle, ["init"], in: directory.path)
        #expect(initialised.status == 0, "\(initialised.stderr)")
        let folder = directory.path + "/assessment-results/dossier"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: document, toPath: folder + "/assessment-results.json")
        return Command.run(trestle, ["validate", "-f", folder + "/assessment-results.json"], in: directory.path)
    }

    @Test func theExampleExportValidatesAndIsReproducible() throws {
        let out = TemporaryDirectory("dossier-oscal")
        let first = Dossier.run(["export", "oscal", "-o", out.path + "/a"], in: Self.repoRoot)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "wrote \(out.path)/a/assessment-results.json\n")
        let second = Dossier.run(["export", "oscal", "-o", out.path + "/b"], in: Self.repoRoot)
        #expect(second.status == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: out.path + "/a/assessment-results.json"))
        let b = try Data(contentsOf: URL(fileURLWithPath: out.path + "/b/assessment-results.json"))
        #expect(a == b)
        let validated = try Self.trestleValidate(out.path + "/a/assessment-results.json")
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        #expect(validated.stdout.contains("VALID"), "\(validated.stdout)")
    }

    @Test func aGeneratedWorkspaceExportValidatesAndEveryLinkResolves() throws {
        let directory = TemporaryDirectory("dossier-oscal-gen")
        let ws = directory.path + "/ws"
        let gen = Command.run(
            "/usr/bin/env",
            ["python3", Self.repoRoot + "/scripts/gen-workspace.py", "--size", "small", "--seed", "19", "--out", ws],
            in: directory.path)
        #expect(gen.status == 0, "\(gen.stderr)")
        let result = Dossier.run(["export", "oscal"], in: ws)
        #expect(result.status == 0, "\(result.stderr)")
        let document = ws + "/oscal/assessment-results.json"
        let validated = try Self.trestleValidate(document)
        #expect(validated.status == 0, "\(validated.stdout)\(validated.stderr)")
        // Evidence links are relative to the document's folder and name files that exist.
        let text = try String(contentsOfFile: document, encoding: .utf8)
        let links = text.matches(of: /"href" : "(\.\.\/[^"]+)"/).map { String($0.output.1) }
        #expect(links.count > 10)
        for link in links {
            let path = (ws + "/oscal/" + link).removingPercentEncoding!
            #expect(FileManager.default.fileExists(atPath: path), "\(link)")
        }
    }

    @Test func anUnwritableFolderExitsOne() {
        let repo = FieldworkFixture.make()
        repo.write("blocker", "a file where the folder should be")
        #expect(Dossier.run(["export", "oscal", "-o", repo.path + "/blocker/oscal"], in: repo.path).status == 1)
    }
}
