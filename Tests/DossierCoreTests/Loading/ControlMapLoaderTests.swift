import Testing

@testable import DossierCore

@Suite struct ControlMapLoaderTests {
    static let header = """
        dossier: 1
        organization: Acme Cloud, Inc.
        system: Acme Platform

        """

    func load(_ text: String, files: Set<String> = ["narratives/access.md"]) -> (ControlMap, [Diagnostic]) {
        {
            let log = DiagnosticLog()
            let map = ControlMapLoader(fileExists: { files.contains($0) }).load(Array(text.utf8), into: log)
            return (map, log.diagnostics)
        }()
    }

    func control(_ body: String) -> String {
        Self.header + "controls:\n" + body
    }

    /// The single error, checked for its position, its code and (when given) the value it names.
    func onlyError(
        _ text: String, line: Int, column: Int, code: DiagnosticCode, naming: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let errors = load(text).1.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)", sourceLocation: sourceLocation)
        guard let error = errors.first else { return }
        #expect(error.file == "controls.yaml", sourceLocation: sourceLocation)
        #expect(
            error.line == line && error.column == column,
            "at \(error.line ?? 0):\(error.column ?? 0): \(error.message)", sourceLocation: sourceLocation)
        #expect(error.code == code, "\(error.code): \(error.message)", sourceLocation: sourceLocation)
        if let naming {
            #expect(error.message.contains(naming), "\(error.message)", sourceLocation: sourceLocation)
        }
        #expect(error.hint != nil, sourceLocation: sourceLocation)
    }

    @Test func readsTheFullFormat() throws {
        let (map, diagnostics) = load(
            """
            dossier: 1
            organization: Acme Cloud, Inc.
            system: Acme Platform
            frameworks: [soc2]
            scope: [security, availability, confidentiality, processing-integrity, privacy]
            period: {start: 2026-01-01, end: 2026-06-30}
            as_of: 2026-07-15
            grace_days: 3
            exclusions:
              - criterion: CC6.4
                reason: Carved out to the cloud provider.
            controls:
              - id: AC-001
                title: MFA is enforced
                description: Longer text.
                owner: it@acme.example
                frequency: quarterly
                criteria: [CC6.1, CC6.2]
                narrative: narratives/access.md
                status: implemented
                evidence:
                  - path: evidence/access/*/mfa-report-*.csv
                    description: Okta MFA export
                    frequency: monthly
                  - evidence/access/policy.pdf
              - id: AC-002
                title: Badge readers
                owner: facilities@acme.example
                frequency: annual
                criteria: CC6.4
                status: not-applicable
                justification: No offices.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(map.organization == "Acme Cloud, Inc.")
        #expect(map.scope == Set(TrustCategory.allCases))
        #expect(map.period == AuditPeriod(start: CalendarDay(iso: "2026-01-01")!, end: CalendarDay(iso: "2026-06-30")!))
        #expect(map.asOf?.description == "2026-07-15")
        #expect(map.graceDays == 3)
        #expect(map.exclusions == [Exclusion(criterion: "CC6.4", reason: "Carved out to the cloud provider.")])
        let first = try #require(map.controls.first)
        #expect(first.criteria == ["CC6.1", "CC6.2"])
        #expect(first.evidence.map(\.path) == ["evidence/access/*/mfa-report-*.csv", "evidence/access/policy.pdf"])
        #expect(first.evidence[0].frequency == .monthly)
        #expect(first.mark == SourceMark(line: 13, column: 5))
        #expect(map.controls[1].criteria == ["CC6.4"])
        #expect(map.controls[1].status == .notApplicable)
    }

    /// Found by the `controls` fuzz target (docs/fuzzing.md): a map that is only `---`, without a final newline,
    /// was reported at line 2, which the file does not have.
    @Test func anEmptyDocumentIsReportedInsideTheFile() throws {
        let (_, diagnostics) = load("---")
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(error.line == 1 && error.column == 4)
    }

    @Test func securityIsAlwaysInScope() {
        let (map, _) = load(Self.header + "scope: [privacy]\ncontrols: []\n")
        #expect(map.scope == [.security, .privacy])
    }

    @Test func formatVersionMustBeOne() {
        onlyError(
            "dossier: 2\norganization: A\nsystem: B\ncontrols: []\n", line: 1, column: 10,
            code: .controlMapUnsupportedFormat)
        onlyError(
            "dossier: '1'\norganization: A\nsystem: B\ncontrols: []\n", line: 1, column: 10,
            code: .controlMapUnsupportedFormat)
        onlyError(
            "organization: A\nsystem: B\ncontrols: []\n", line: 1, column: 1, code: .schemaMissingKey, naming: "dossier"
        )
    }

    @Test func unknownKeysAreNamedWithASuggestion() throws {
        let text = control(
            "  - id: A-1\n    title: T\n    ownr: x\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: planned\n"
        )
        onlyError(text, line: 7, column: 5, code: .schemaUnknownKey, naming: "ownr")
        let hint = load(text).1.first?.hint ?? ""
        #expect(hint.contains("`owner`"))
        onlyError(
            Self.header + "contrls: []\ncontrols: []\n", line: 4, column: 1, code: .schemaUnknownKey, naming: "contrls")
    }

    @Test func wrongTypesAreReportedWhereTheyStand() {
        onlyError(
            control(
                "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: {a: b}\n    status: planned\n"
            ),
            line: 9, column: 15, code: .schemaWrongType, naming: "criteria")
        onlyError(
            control(
                "  - id: A-1\n    title: [T]\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: planned\n"
            ),
            line: 6, column: 12, code: .schemaWrongType)
        onlyError(
            Self.header + "grace_days: many\ncontrols: []\n", line: 4, column: 13, code: .schemaNotANumber,
            naming: "grace_days")
        onlyError(
            Self.header + "as_of: 2026-02-30\ncontrols: []\n", line: 4, column: 8, code: .schemaNotADate,
            naming: "as_of")
        onlyError(
            control(
                "  - id: A-1\n    title: T\n    owner: o\n    frequency: sometimes\n    criteria: [CC1.1]\n    status: planned\n"
            ),
            line: 8, column: 16, code: .schemaNotAllowed, naming: "frequency")
        onlyError(Self.header + "controls: {}\n", line: 4, column: 11, code: .schemaWrongType, naming: "controls")
    }

    @Test func duplicateControlIdsPointAtTheSecond() {
        let one =
            "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: planned\n"
        onlyError(
            control(one + one), line: 11, column: 5, code: .controlMapDuplicateControl, naming: "A-1")
    }

    @Test func duplicateYAMLKeysAreErrors() {
        onlyError(
            control(
                "  - id: A-1\n    title: T\n    title: U\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: planned\n"
            ),
            line: 7, column: 5, code: .yamlDuplicateKey, naming: "title")
    }

    @Test func unknownCriteriaGetACloseSuggestion() {
        let text = control(
            "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: [CC1.1, CC9.9, cc6.1]\n    status: planned\n"
        )
        let errors = load(text).1.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.controlMapUnknownCriterion, .controlMapUnknownCriterion])
        #expect(errors[0].message.contains("`CC9.9`") && errors[1].message.contains("`cc6.1`"))
        #expect(errors.map(\.column) == [23, 30])
        #expect(errors[1].hint?.contains("case-sensitive") == true)
    }

    @Test func unknownScopeAndExclusionCriteria() {
        onlyError(
            Self.header + "scope: [security, availabilty]\ncontrols: []\n", line: 4, column: 19,
            code: .controlMapUnknownScope, naming: "availabilty")
        onlyError(
            Self.header + "exclusions:\n  - criterion: CC6.9\n    reason: r\ncontrols: []\n", line: 5, column: 16,
            code: .controlMapUnknownCriterion, naming: "CC6.9")
        onlyError(
            Self.header + "exclusions:\n  - criterion: CC6.4\ncontrols: []\n", line: 5, column: 5,
            code: .schemaMissingKey, naming: "reason")
    }

    @Test func narrativeMustExistAndStayInside() {
        let base =
            "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: planned\n"
        onlyError(
            control(base + "    narrative: narratives/gone.md\n"), line: 11, column: 16,
            code: .controlMapMissingNarrative, naming: "narratives/gone.md")
        onlyError(
            control(base + "    narrative: ../outside.md\n"), line: 11, column: 16, code: .controlMapInvalidPath)
        #expect(load(control(base + "    narrative: narratives/access.md\n")).1.isEmpty)
    }

    @Test func notApplicableNeedsAJustification() {
        onlyError(
            control(
                "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: not-applicable\n"
            ),
            line: 5, column: 5, code: .controlMapMissingJustification)
    }

    @Test func evidencePathsMustBeRelativeAndWellFormed() {
        let base =
            "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: planned\n    evidence:\n"
        onlyError(
            control(base + "      - /etc/passwd\n"), line: 12, column: 9, code: .controlMapInvalidPath,
            naming: "/etc/passwd")
        onlyError(
            control(base + "      - path: evidence/../../x\n"), line: 12, column: 15, code: .controlMapInvalidPath
        )
        onlyError(
            control(base + "      - path: evidence/[ab.csv\n"), line: 12, column: 15, code: .controlMapMalformedGlob,
            naming: "evidence/[ab.csv")
    }

    @Test func everyProblemInTheFileIsReportedInOneRun() {
        let text = """
            dossier: 1
            organization: A
            system: B
            scope: [security, bogus]
            controls:
              - id: A-1
                title: T
                owner: o
                frequency: daily
                criteria: [CC1.1, XX1.1]
                status: maybe
              - id: A-1
                title: T
                owner: o
                frequency: daily
                criteria: [CC1.1]
                status: not-applicable
                colour: blue
            """
        let errors = load(text).1.filter { $0.severity == .error }
        #expect(errors.count == 6, "\(errors.map(\.message))")
        #expect(Set(errors.compactMap(\.line)) == [4, 10, 11, 12, 18])
    }

    @Test func yamlSyntaxErrorsCarryLibyamlsPosition() throws {
        let errors = load("dossier: 1\norganization: [A\nsystem: B\n").1
        let error = try #require(errors.first)
        #expect(error.severity == .error && error.line != nil && error.column != nil)
        #expect(errors.count == 1)
    }

    @Test func anEmptyFileSaysHowToStart() {
        let errors = load("# nothing yet\n").1
        #expect(errors.count == 1)
        #expect(errors.first?.hint?.contains("dossier init") == true)
    }

    @Test func implementedControlWithoutEvidenceIsAWarning() {
        let diagnostics = load(
            control(
                "  - id: A-1\n    title: T\n    owner: o\n    frequency: daily\n    criteria: [CC1.1]\n    status: implemented\n"
            )
        ).1
        #expect(diagnostics.map(\.severity) == [.warning])
    }
}

@Suite struct ControlMapRecoveryTests {
    func load(_ body: String) -> (ControlMap, [Diagnostic]) {
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in false }).load(
            Array((ControlMapLoaderTests.header + body).utf8), into: log)
        return (map, log.diagnostics)
    }

    @Test func aTypoInOneFieldKeepsTheControlAndItsValidFields() {
        let (map, diagnostics) = load(
            """
            controls:
              - id: AC-001
                title: MFA
                ownr: it@acme.example
                frequency: monthly
                criteria: [CC6.1]
                status: planned

            """)
        #expect(map.controls.map(\.id) == ["AC-001"])
        #expect(map.controls.first?.criteria == ["CC6.1"])
        #expect(map.controls.first?.title == "MFA")
        #expect(diagnostics.contains { $0.message == "unknown key `ownr` in control AC-001" })
    }

    @Test func aControlThatCannotBeJudgedIsRememberedByID() {
        let (map, _) = load(
            """
            controls:
              - id: AC-001
                title: MFA
                owner: it@acme.example
                frequency: sometimes
                criteria: [CC6.1]
                status: planned

            """)
        #expect(map.controls.isEmpty)
        #expect(map.invalidControlIDs == ["AC-001"])
    }

    @Test func anEmptyOwnerIsReportedAtOwner() {
        let (_, diagnostics) = load(
            """
            controls:
              - id: AC-001
                title: MFA
                owner:
                frequency: monthly
                criteria: [CC6.1]
                status: planned

            """)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.message == "`owner` in control AC-001 is empty")
        #expect(errors.first?.line == 7 && errors.first?.column == 5, "\(errors)")
    }

    @Test func aRejectedEvidencePathIsNotAlsoNoEvidence() {
        for path in ["../outside/*.json", "evidence/backup-[.log"] {
            let (_, diagnostics) = load(
                """
                controls:
                  - id: OPS-001
                    title: Backups
                    owner: ops@acme.example
                    frequency: daily
                    criteria: [A1.2]
                    status: implemented
                    evidence: ["\(path)"]

                """)
            #expect(diagnostics.count == 1, "\(path): \(diagnostics.map(\.message))")
            #expect(!diagnostics.contains { $0.message.contains("names no evidence") })
        }
    }
}
