import Testing

@testable import DossierCore

@Suite struct DiagnosticCapTests {
    @Test func capsOneKindOfMessagePerFileAndCountsTheRest() {
        let many = (1...10).map { (n: Int) in
            Diagnostic(
                .warning, .narrativeUnknownControl, "reference to unknown control `X-\(n)`", file: "narratives/a.md",
                line: n)
        }
        let other = Diagnostic(
            .warning, .narrativeUnknownControl, "reference to unknown control `Y`", file: "narratives/b.md", line: 1)
        let different = Diagnostic(
            .warning, .narrativeMissingAnchor, "link to `#top`, which is not a heading", file: "narratives/a.md")
        let capped = DiagnosticCap.capped(many + [other, different])
        #expect(capped.count == 5)
        #expect(
            capped[2].message
                == "reference to unknown control `X-3` (and 7 more like this in narratives/a.md, not shown)")
        #expect(capped.contains(other) && capped.contains(different))
    }

    @Test func leavesFewRepeatsAlone() {
        let few = (1...3).map { (n: Int) in
            Diagnostic(.error, .schemaUnknownKey, "unknown key `k\(n)`", file: "controls.yaml", line: n)
        }
        #expect(DiagnosticCap.capped(few) == few)
    }
}
