import Testing

@testable import DossierCore

@Suite struct RiskRegisterLoaderTests {
    func load(_ text: String, controls: Set<String> = ["AC-001", "AC-002"], invalid: Set<String> = [])
        -> (RiskRegister, [Diagnostic])
    {
        let log = DiagnosticLog()
        let yaml = RegisterYAML(file: "risks.yaml", controlIDs: controls, invalidControlIDs: invalid)
        let register = RiskRegisterLoader(yaml: yaml).load(Array(text.utf8), into: log)
        return (register, log.diagnostics)
    }

    static let valid = """
        dossier: 1
        review: quarterly
        appetite: 8
        owner: sec@acme.example
        risks:
          - id: R-001
            title: Credential stuffing
            owner: sec@acme.example
            likelihood: 4
            impact: 5
            treatment: mitigate
            controls: [AC-001, AC-002]
            residual: {likelihood: 2, impact: 4}
          - id: R-002
            title: Key person
            owner: ceo@acme.example
            likelihood: 3
            impact: 3
            treatment: accept
            accepted: {by: ceo@acme.example, on: 2026-03-01, until: 2027-03-01}

        """

    @Test func readsAValidRegister() {
        let (register, diagnostics) = load(Self.valid)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(register.review == .quarterly && register.appetite == 8 && register.owner == "sec@acme.example")
        #expect(register.risks.map(\.id) == ["R-001", "R-002"])
        let first = register.risks[0]
        #expect(first.inherent.value == 20 && first.residual?.value == 8 && first.effective.value == 8)
        #expect(first.controls == ["AC-001", "AC-002"] && first.mark.line == 6)
        let second = register.risks[1]
        #expect(second.residual == nil && second.effective.value == 9)
        #expect(second.acceptance?.until == CalendarDay(iso: "2027-03-01"))
    }

    /// Every mistake in one run, each with its own code and position, and the valid risk kept.
    @Test func reportsEveryMistakeAtItsPosition() {
        let text = """
            dossier: 2
            appetite: 30
            reveiw: annual
            risks:
              - id: R-001
                title: Fine
                owner: a@acme.example
                likelihood: 2
                impact: 2
                treatment: avoid
              - id: R-001
                title: Duplicate
                owner: a@acme.example
                likelihood: 6
                impact: 0
                treatment: mitigate
              - id: R 3
                title: Bad id
                owner: a@acme.example
                likelihood: 1
                impact: 1
                treatment: mitigat
              - id: R-004
                owner: a@acme.example
                likelihood: 1
                impact: 1
                treatment: mitigate
                controls: [AC-01, GONE-1]
              - id: R-005
                title: Accepted without saying so
                owner: a@acme.example
                likelihood: 1
                impact: 1
                treatment: accept
              - id: R-006
                title: Acceptance backwards
                owner: a@acme.example
                likelihood: 1
                impact: 1
                treatment: accept
                accepted: {by: ceo@acme.example, on: 2026-03-01, until: 2026-02-01}

            """
        let (register, diagnostics) = load(text, invalid: ["GONE-1"])
        func at(_ code: DiagnosticCode) -> [String] {
            diagnostics.filter { $0.code == code }.map { "\($0.line ?? 0):\($0.column ?? 0)" }
        }
        #expect(at(.registerUnsupportedFormat) == ["1:10"])
        #expect(at(.schemaNotANumber) == ["2:11", "14:17", "15:13"])
        #expect(at(.schemaUnknownKey) == ["3:1"])
        #expect(at(.registerDuplicateID) == ["11:9"])
        #expect(at(.registerInvalidID) == ["17:9"])
        #expect(at(.schemaNotAllowed) == ["22:16"])
        #expect(at(.schemaMissingKey) == ["23:5"])  // R-004 has no title
        #expect(at(.registerUnknownControl) == ["28:16"])  // GONE-1 failed validation in the map: not repeated
        // The duplicate R-001 names no controls; R-004 names some (one unknown, one dropped from the map).
        #expect(at(.riskMitigateWithoutControls) == ["11:5"])
        #expect(at(.riskAcceptWithoutAcceptance) == ["29:5"])
        #expect(at(.riskAcceptanceReversed) == ["41:61"])
        #expect(diagnostics.allSatisfy { $0.file == "risks.yaml" && $0.severity == .error })
        #expect(register.risks.map(\.id) == ["R-001", "R-004", "R-005", "R-006"])
    }

    @Test func mitigationNeedsControls() {
        let text = """
            dossier: 1
            appetite: 8
            risks:
              - {id: R-1, title: A, owner: a@x.example, likelihood: 1, impact: 1, treatment: mitigate}
              - {id: R-2, title: B, owner: a@x.example, likelihood: 1, impact: 1, treatment: mitigate, controls: []}

            """
        let (_, diagnostics) = load(text)
        #expect(diagnostics.map(\.code) == [.riskMitigateWithoutControls, .riskMitigateWithoutControls])
        #expect(diagnostics.map { $0.line ?? 0 } == [4, 5])
    }

    @Test func appetiteIsRequiredAndAnEmptyFileIsReported() {
        let (_, missing) = load("dossier: 1\nrisks: []\n")
        #expect(missing.map(\.code) == [.schemaMissingKey])
        let (_, empty) = load("# nothing yet\n")
        #expect(empty.map(\.code) == [.registerEmpty])
        let (_, notAList) = load("dossier: 1\nappetite: 5\nrisks: {id: R-1}\n")
        #expect(notAList.map(\.code) == [.schemaWrongType])
        let (_, broken) = load("dossier: 1\nappetite: [\n")
        #expect(broken.map(\.code) == [.yamlSyntax])
    }
}
