import DossierCore
import DossierYAML
import Testing

@testable import DossierScaffold

/// Strings written by ``YAMLScalar`` read back unchanged.
@Suite struct InitYAMLScalarTests {
    static let tricky = [
        "plain text", "a: b", "a #b", "#hash", "- item", "? key", "key:", "\"quoted\"", "'single'", "back\\slash",
        "new\nline", "tab\tstop", "~", "null", "NULL", "yes", "No", "on", "true", "1.10", "0o14", "0x1F", "1e3", "---",
        "...", "&anchor", "*alias", "!tag", "|literal", ">folded", "%directive", "@at", "`tick`", "[flow]", "{map}",
        ",comma", " leading", "trailing ", "", "nbsp\u{A0}here", "bell\u{7}", "nel\u{85}x", "ls\u{2028}x",
        "bom\u{FEFF}x", "nonchar\u{FFFE}x\u{FFFF}",
        "Zürich — 東京 🎉", "emoji 🎉 end", "a,b", "C1.1",
    ]

    @Test(arguments: tricky)
    func scalarsReadBack(text: String) throws {
        let parsed = YAMLParser.parse("key: \(YAMLScalar.text(text))\n")
        #expect(parsed.problems.isEmpty, "\(parsed.problems)")
        let node = try #require(parsed.root?.value(forKey: "key")?.value)
        #expect(node.scalar == text)
        #expect(!node.isNull)
        let quoted = YAMLParser.parse("key: \(YAMLScalar.quoted(text))\n").root?.value(forKey: "key")?.value.scalar
        #expect(quoted == text)
    }

    @Test func plainOnlyWhenSafe() {
        #expect(YAMLScalar.text("Access Control Policy") == "Access Control Policy")
        #expect(YAMLScalar.text("ON") == "\"ON\"")
        #expect(YAMLScalar.text("a: b") == "\"a: b\"")
    }

    @Test func foldedDescriptionsReadBack() throws {
        let long = String(repeating: "Every employee reads: the code of conduct #1 and signs it. ", count: 6)
            .trimmingWhitespace()
        let folded = try #require(YAMLScalar.folded(long, indent: 6))
        #expect(folded.split(separator: "\n").allSatisfy { $0.count <= 86 })
        let parsed = YAMLParser.parse("a:\n    description: \(folded)\n    next: 1\n")
        #expect(parsed.problems.isEmpty)
        #expect(parsed.root?.value(forKey: "a")?.value.value(forKey: "description")?.value.scalar == long)
        #expect(YAMLScalar.folded("two  spaces", indent: 6) == nil)
        #expect(YAMLScalar.folded("line\nbreak", indent: 6) == nil)
    }

    @Test func writtenControlsLoadBack() {
        let controls = [
            Control(
                id: "ON", title: "Organizational: \"Narrative\" #1",
                description: String(repeating: "word ", count: 40).trimmingWhitespace(),
                owner: "owner@example.com", frequency: .monthly, criteria: ["CC1.1", "A1.2"],
                narrative: "narratives/x y.md",
                status: .planned),
            Control(
                id: "AC-1", title: "yes", owner: "~", frequency: .annual, criteria: ["CC6.1"], status: .notApplicable,
                justification: "No: offices",
                evidence: [EvidenceRequirement(path: "*.csv", description: "a: b", frequency: .weekly)]),
        ]
        let text =
            ControlMapWriter.header(
                comment: ["made by a test", ""], organization: "A: B", system: "#S", scope: [.availability])
            + ControlMapWriter.controls(controls)
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in true }).load(Array(text.utf8), into: log)
        let diagnostics = log.diagnostics
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(map.organization == "A: B" && map.system == "#S" && map.scope == [.security, .availability])
        #expect(
            map.controls.map {
                var c = $0
                c.mark = nil
                c.evidence = c.evidence.map {
                    var e = $0
                    e.mark = nil
                    return e
                }
                return c
            } == controls)
        #expect(ControlMapWriter.controls([]) == "controls: []\n")
    }
}
