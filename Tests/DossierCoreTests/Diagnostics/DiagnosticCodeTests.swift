import Foundation
import Testing

@testable import DossierCore

/// Codes are a published interface: every code is documented, every documented code exists, none repeats.
@Suite("diagnostic codes")
struct DiagnosticCodeTests {
    static let documentation: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..")
        return (try? String(contentsOf: root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)) ?? ""
    }()

    @Test("docs/diagnostics.md lists exactly the codes Dossier has")
    func documented() throws {
        let rows = Self.documentation.split(separator: "\n").filter { $0.hasPrefix("| `") }
        let documented = rows.map { row in
            String(row.dropFirst(3).prefix { $0 != "`" })
        }
        #expect(!documented.isEmpty)
        #expect(Set(documented).count == documented.count, "a code is documented twice")
        #expect(Set(documented) == Set(DiagnosticCode.allCases.map(\.rawValue)))
    }

    @Test("codes are area.kind in lowercase with hyphens, and each area maps to a pipeline step")
    func shape() {
        for code in DiagnosticCode.allCases {
            let parts = code.rawValue.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count == 2, "\(code.rawValue)")
            #expect(code.rawValue.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "." || $0 == "-" })
        }
        #expect(DiagnosticCode.controlMapUnknownCriterion.step == "load")
        #expect(DiagnosticCode.collectedAfterCommit.step == "evidence")
        #expect(DiagnosticCode.narrativeMissingAnchor.step == "narratives")
        #expect(DiagnosticCode.templateSyntax.step == "site")
        #expect(DiagnosticCode.secretFound.step == "secrets")
        #expect(DiagnosticCode.bundleDirty.step == "bundle")
        for code in [DiagnosticCode.registerUnknownControl, .riskAcceptanceReversed, .vendorMissingDPA, .policySymlink]
        {
            #expect(code.step == "registers")
        }
    }

    @Test("the text output ends the message line with the code, and --json carries it")
    func printedAndEncoded() throws {
        let d = Diagnostic.error(
            .controlMapUnknownCriterion, "unknown criterion `A1.9`", file: "controls.yaml",
            at: SourceMark(line: 2, column: 11), hint: "did you mean `A1.2`?")
        let text = DiagnosticPrinter(colour: false, source: { _ in "a: 1\ncriteria: [A1.9]\n" }).render(d)
        #expect(
            text.hasPrefix(
                "controls.yaml:2:11: error: unknown criterion `A1.9` [control-map.unknown-criterion]\n"))
        let json = try JSONEncoder().encode(d)
        #expect(String(decoding: json, as: UTF8.self).contains("\"code\":\"control-map.unknown-criterion\""))
    }
}
