import DossierCore
import DossierGit
import DossierTestSupport
import Foundation
import Mustache
import Testing

@testable import DossierSite

@Suite("Mustache engine")
struct MustacheEngineTests {
    func render(_ source: String, _ data: Any, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try DossierSite.MustacheTemplate(source)]
        for (name, text) in partials { templates[name] = try DossierSite.MustacheTemplate(text) }
        return try #require(MustacheRenderer(templates: templates).render("main", TemplateValue(data)))
    }

    func parseError(_ source: String) -> MustacheParseError? {
        do {
            _ = try DossierSite.MustacheTemplate(source)
            return nil
        } catch {
            return error
        }
    }

    @Test("variables escape & < > \" ' byte by byte, even a quote followed by a combining mark")
    func escaping() throws {
        #expect(
            try render("{{x}}", ["x": "<a href=\"x\">&'</a>"]) == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        #expect(try render("{{x}}", ["x": "\"\u{301}"]) == "&quot;\u{301}")
        #expect(try render("{{{x}}}|{{&x}}|{{ x }}", ["x": "<b>"]) == "<b>|<b>|&lt;b&gt;")
        #expect(try render("{{n}} {{t}} {{f}} {{missing}}.", ["n": 42, "t": true, "f": false]) == "42 true false .")
    }

    @Test("dotted names resolve their first part up the context stack, the rest only inside it")
    func names() throws {
        let data: [String: Any] = ["a": ["b": ["c": "deep"]], "x": "outer", "inner": ["y": "in"]]
        #expect(try render("{{a.b.c}}", data) == "deep")
        #expect(try render("{{#inner}}{{y}}/{{x}}{{/inner}}", data) == "in/outer")
        #expect(try render("{{#a}}{{b.x}}{{/a}}", data) == "", "b.x is not looked up outside b")
        #expect(try render("{{#inner}}{{.}}{{/inner}}{{#list}}[{{.}}]{{/list}}", ["list": ["1", "2"]]) == "[1][2]")
        // A name bound to null stops the lookup: the outer `x` is not used.
        #expect(try render("{{#inner}}{{x}}{{/inner}}", ["x": "outer", "inner": ["x": NSNull()]]) == "")
        #expect(try render("{{#inner}}{{x}}{{/inner}}", ["x": "outer", "inner": ["x": String?.none as Any]]) == "")
    }

    @Test("sections: false, null and the empty list are false; an empty string and an object are true")
    func sections() throws {
        let data: [String: Any] = [
            "t": true, "f": false, "null": NSNull(), "empty": [String](), "list": [["n": "1"], ["n": "2"]],
            "blank": "", "object": ["n": "o"],
        ]
        #expect(try render("{{#t}}T{{/t}}{{#f}}F{{/f}}{{#null}}N{{/null}}{{#empty}}E{{/empty}}", data) == "T")
        #expect(try render("{{^t}}T{{/t}}{{^f}}F{{/f}}{{^null}}N{{/null}}{{^empty}}E{{/empty}}", data) == "FNE")
        #expect(try render("{{#list}}<{{n}}>{{/list}}{{^list}}none{{/list}}", data) == "<1><2>")
        #expect(try render("{{#blank}}B{{/blank}}{{^blank}}not{{/blank}}", data) == "B")
        #expect(
            try render("{{#object}}{{n}}{{/object}}{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}", data) == "om")
        #expect(try render("{{#list}}{{#t}}{{n}}{{/t}}{{/list}}", data) == "12", "true keeps the item as context")
    }

    @Test("standalone tags take their whole line; inline ones keep the text around them")
    func standalone() throws {
        let data: [String: Any] = ["items": [["n": "a"], ["n": "b"]]]
        #expect(
            try render("<ul>\n  {{#items}}\n  <li>{{n}}</li>\n  {{/items}}\n</ul>\n", data)
                == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(
            try render("<ul>\r\n  {{#items}}\r\n<li>{{n}}</li>\r\n{{/items}}\r\n</ul>", data)
                == "<ul>\r\n<li>a</li>\r\n<li>b</li>\r\n</ul>")
        #expect(try render(" {{#items}}{{n}}{{/items}} \n", data) == " ab \n")
        #expect(try render("a\n  {{! a comment\n  over two lines }}\nb", data) == "a\nb")
        #expect(try render("a {{! inline }}b", data) == "a b")
    }

    @Test("partials render with the current context; a standalone partial indents every line")
    func partials() throws {
        let partials = ["item": "<li>{{n}}</li>\n", "badge": "<b>{{label}}</b>"]
        let data: [String: Any] = ["items": [["n": "a"], ["n": "b"]], "badge": ["label": "ok"]]
        #expect(
            try render("<ul>\n{{#items}}\n  {{> item}}\n{{/items}}\n</ul>\n", data, partials: partials)
                == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render("[{{#badge}}{{>badge}}{{/badge}}]", data, partials: partials) == "[<b>ok</b>]")
        #expect(try render("[{{>nope}}]", data) == "[]")
        // A partial that includes itself stops at the depth limit instead of overflowing the stack.
        let looped = try render("{{>loop}}", [String: Any](), partials: ["loop": "x{{>loop}}"])
        #expect(looped == String(repeating: "x", count: MustacheRenderer.maxPartialDepth))
    }

    @Test("set-delimiter tags change the delimiters for the rest of the template")
    func delimiters() throws {
        #expect(try render("{{=<% %>=}}<% x %> {{x}} <%={{ }}=%>{{x}}", ["x": "1"]) == "1 {{x}} 1")
        #expect(try render("a\n{{=| |=}}\n|x|\n", ["x": "1"]) == "a\n1\n")
    }

    @Test("errors name the line and column of the offending tag")
    func errors() throws {
        let unclosed = try #require(parseError("line one\n  <p>{{title</p>"))
        #expect(unclosed.message == "a tag is not closed" && unclosed.line == 2 && unclosed.column == 6)
        let section = try #require(parseError("a\n{{#items}}\n{{n}}\n"))
        #expect(section.message == "section `items` is never closed" && section.line == 2 && section.column == 1)
        let mismatch = try #require(parseError("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}"))
        #expect(mismatch.message == "`{{/a}}` closes `{{#b}}` opened at line 2, column 1" && mismatch.line == 3)
        let stray = try #require(parseError("é {{/a}}"))
        #expect(stray.line == 1 && stray.column == 3, "columns count characters, not bytes")
        #expect(parseError("{{uppercased(name)}}")?.message.contains("transforms") == true)
        #expect(parseError("{{<parent}}{{/parent}}")?.message.contains("not supported") == true)
        #expect(parseError("{{%CONTENT_TYPE: TEXT}}")?.message.contains("not supported") == true)
        #expect(parseError("{{>*dynamic}}")?.message.contains("dynamic partials") == true)
        #expect(parseError("{{}}")?.message == "a tag has no name")
        #expect(parseError("{{a b}}")?.message.contains("contains a space") == true)
        #expect(parseError("{{a..b}}")?.message.contains("empty part") == true)
        #expect(parseError("{{=<% %>=}}<% x }}")?.message == "a tag is not closed")
        #expect(parseError("{{= x =}}")?.message == "invalid set-delimiter tag")
        let depth = MustacheParser.maxSectionDepth
        let nested = String(repeating: "{{#a}}", count: depth) + String(repeating: "{{/a}}", count: depth)
        #expect(parseError(nested) == nil)
        let deep = try #require(parseError(String(repeating: "{{#a}}", count: 20_000)))
        #expect(deep.message == "sections nest more than \(depth) deep" && deep.column == depth * 6 + 1)
    }

    /// `data` with every `TemplateRows` built into an array, which swift-mustache can iterate.
    static func materialized(_ value: Any) -> Any {
        switch value {
        case let rows as TemplateRows: rows.materialized.map(materialized)
        case let object as [String: Any]: object.mapValues(materialized)
        case let list as [Any]: list.map(materialized)
        default: value
        }
    }

    @Test("rows built while their section renders behave as a list")
    func rows() throws {
        let built = Calls()
        let rows = TemplateRows(["a", "b", "c"]) { name -> Any in
            built.count += 1
            return ["name": name]
        }
        #expect(try render("{{#rows}}<{{name}}>{{/rows}}{{^rows}}none{{/rows}}", ["rows": rows]) == "<a><b><c>")
        #expect(built.count == 3)
        #expect(
            try render("{{#rows}}x{{/rows}}{{^rows}}none{{/rows}}", ["rows": TemplateRows(count: 0) { _ in "" }])
                == "none")
    }

    final class Calls: @unchecked Sendable {
        var count = 0
    }

    @Test("every built-in page renders to the same bytes as swift-mustache, on two workspaces")
    func sameBytesAsSwiftMustache() throws {
        let fixture = SiteWorkspaceFixture.make()
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        for path in [fixture.path, example] {
            let assessment = AssessmentPipeline(workspace: Workspace(path: path)).run()
            let log = DiagnosticLog()
            let set = TemplateSet.load(workspace: assessment.workspace, overrideDirectory: nil, into: log)
            let diagnostics = log.diagnostics
            #expect(diagnostics.isEmpty)
            var library = MustacheLibrary()
            for (name, text) in set.templates {
                library.register(try Mustache.MustacheTemplate(string: text), named: name)
            }
            let digests = EvidenceDigest.digests(
                of: assessment.readiness.inventory, files: WorkspaceFiles(root: assessment.workspace.root))
            let renderer = SiteRenderer(assessment: assessment, digests: digests, templates: set)
            let context = SiteContext(assessment: assessment, digests: digests, options: renderer.options)
            let pages = renderer.pages(context)
            #expect(pages.count > 60)
            var compared = 0
            for page in pages {
                var data = Self.materialized(renderer.data(page, context)) as! [String: Any]
                let ours = try #require(set.render(page.template, TemplateValue(data)))
                let theirs = try #require(library.render(data, withTemplate: page.template))
                #expect(ours == theirs, "\(page.path) (\(page.template).mustache) renders differently")
                data["content"] = ours
                #expect(set.render("layout", TemplateValue(data)) == library.render(data, withTemplate: "layout"))
                compared += ours.utf8.count
            }
            #expect(compared > 50_000)
        }
    }
}

@Suite("Mustache output in pieces")
struct MustacheStreamingTests {
    let templates = [
        "layout": try! DossierSite.MustacheTemplate(
            "<main>{{{content}}}</main>|{{content}}|{{#content}}[{{{.}}}]{{/content}}"),
        "body": try! DossierSite.MustacheTemplate("{{#rows}}<p>{{name}}</p>\n{{/rows}}"),
    ]

    @Test("deferred text renders in place, escaped when the tag escapes, and as a section's context")
    func deferred() throws {
        let renderer = MustacheRenderer(templates: templates)
        let body: TemplateValue = .object(["rows": .list([.object(["name": .string("a&b")])])])
        let value: TemplateValue = .object([
            "content": .deferred(DeferredText { out in _ = renderer.render("body", body, into: out) })
        ])
        #expect(
            renderer.render("layout", value)
                == "<main><p>a&amp;b</p>\n</main>|&lt;p&gt;a&amp;amp;b&lt;/p&gt;\n|[<p>a&amp;b</p>\n]")
    }

    @Test("a sink gets the same bytes in pieces of about the piece size")
    func pieces() throws {
        let renderer = MustacheRenderer(templates: templates)
        let rows = TemplateRows(count: 5_000) { ["name": "row \($0)"] as [String: Any] }
        let whole = try #require(renderer.renderBytes("body", .object(["rows": .rows(rows)])))
        var pieces: [[UInt8]] = []
        let out = MustacheOutput(pieceSize: 4_096) { pieces.append($0) }
        #expect(renderer.render("body", .object(["rows": .rows(rows)]), into: out))
        out.flush()
        #expect(Array(pieces.joined()) == whole)
        #expect(pieces.count >= whole.count / 4_200)
        #expect(pieces.allSatisfy { $0.count < 4_096 + 64 })
    }
}
