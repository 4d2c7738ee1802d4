import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierSite

@Suite("Templates")
struct TemplateSetTests {
    /// The repository's `templates/` folder, found from this file's path.
    static let templatesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("templates").path

    @Test("the embedded templates are exactly templates/ (run `make templates` after editing them)")
    func embeddedUpToDate() throws {
        var onDisk: [String: String] = [:]
        let manager = FileManager.default
        let enumerator = try #require(manager.enumerator(atPath: Self.templatesFolder))
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = Self.templatesFolder + "/" + relative
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                relative != "README.md",
                !(relative as NSString).lastPathComponent.hasPrefix(".")
            else { continue }
            onDisk[relative] = try String(contentsOfFile: full, encoding: .utf8)
        }
        #expect(onDisk.keys.sorted() == BuiltinTemplates.files.keys.sorted(), "run `make templates`")
        for (path, text) in onDisk {
            #expect(
                BuiltinTemplates.files[path] == text, "\(path) differs from the embedded copy: run `make templates`")
        }
    }

    @Test("every built-in template parses, and every page template has a built-in version")
    func builtinsParse() {
        let workspace = Workspace(path: TemporaryDirectory().path)
        let log = DiagnosticLog()
        let set = TemplateSet.load(workspace: workspace, overrideDirectory: nil, into: log)
        let diagnostics = log.diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        for name in TemplateSet.pageTemplates {
            #expect(set.templates[name] != nil, "\(name)")
        }
        #expect(
            set.assets.keys.sorted() == [
                "assets/icon.svg", "assets/image-unavailable.svg", "assets/site.css", "assets/site.js",
            ])
        #expect(set.overrides.isEmpty)
    }

    @Test("a workspace's templates/ overrides file by file; extra templates are partials; links are skipped")
    func overrides() throws {
        let dir = TemporaryDirectory()
        dir.write("controls.yaml", "")
        dir.write("templates/badge.mustache", "<b class=\"mine\">{{label}}</b>")
        dir.write("templates/footer-note.mustache", "note")
        dir.write("templates/assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        dir.write("templates/README.md", "not a template")
        symlink("/etc/passwd", dir.path + "/templates/layout.mustache")
        let log = DiagnosticLog()
        let set = TemplateSet.load(workspace: Workspace(path: dir.path), overrideDirectory: nil, into: log)
        let diagnostics = log.diagnostics
        #expect(set.templates["badge"] == "<b class=\"mine\">{{label}}</b>")
        #expect(set.templates["footer-note"] == "note")
        #expect(set.templates["layout"] == BuiltinTemplates.files["layout.mustache"], "the link was not followed")
        #expect(set.assets["assets/logo.svg"] != nil && set.assets["assets/site.css"] != nil)
        #expect(set.templates["README"] == nil)
        #expect(set.overrides["badge"] == "templates/badge.mustache")
        #expect(
            diagnostics.count == 1 && diagnostics[0].severity == .warning
                && diagnostics[0].file == "templates/layout.mustache")
    }

    @Test("a template that does not parse is an error naming the file, line and column")
    func parseError() {
        let dir = TemporaryDirectory()
        dir.write("templates/control.mustache", "<h1>{{title}}</h1>\n{{#criteria}}\n<p>{{id}}</p>\n{{/requirements}}\n")
        let log = DiagnosticLog()
        let _ = TemplateSet.load(workspace: Workspace(path: dir.path), overrideDirectory: nil, into: log)
        let diagnostics = log.diagnostics
        let d = diagnostics.first
        #expect(diagnostics.count == 1 && d?.severity == .error && d?.file == "templates/control.mustache")
        #expect(d?.code == .templateSyntax)
        #expect(d?.message.contains("`{{/requirements}}` closes `{{#criteria}}` opened at line 2, column 1") == true)
        #expect(d?.line == 4 && d?.column == 1 && d?.hint == "close sections in the reverse order they were opened")
    }

    @Test("--templates must name a folder")
    func missingFolder() {
        let dir = TemporaryDirectory()
        let log = DiagnosticLog()
        let _ = TemplateSet.load(
            workspace: Workspace(path: dir.path), overrideDirectory: dir.path + "/nope", into: log)
        let diagnostics = log.diagnostics
        #expect(diagnostics.hasErrors && diagnostics[0].code == .templateFolderMissing)
    }
}
