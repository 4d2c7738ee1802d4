import Testing

@testable import DossierCore

@Suite struct VendorRegisterLoaderTests {
    func load(_ text: String) -> (VendorRegister, [Diagnostic]) {
        let log = DiagnosticLog()
        let yaml = RegisterYAML(file: "vendors.yaml", controlIDs: [], invalidControlIDs: [])
        let register = VendorRegisterLoader(yaml: yaml).load(Array(text.utf8), into: log)
        return (register, log.diagnostics)
    }

    @Test func readsAValidInventory() {
        let text = """
            dossier: 1
            vendors:
              - id: aws
                name: Amazon Web Services
                service: Hosting
                owner: ops@acme.example
                criticality: high
                data: [customer, personal]
                subprocessor: true
                assurance:
                  - kind: soc2-type2
                    path: evidence/vendors/aws/soc2-*.pdf
                    period_end: 2026-03-31
                  - kind: questionnaire
                    path: evidence/vendors/aws/sig-*.xlsx
                review: {frequency: annual, path: evidence/vendors/aws/review-*.md}
                dpa: evidence/vendors/aws/dpa-*.pdf
              - id: chat
                name: Chat
                owner: it@acme.example
                criticality: low

            """
        let (register, diagnostics) = load(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(register.vendors.map(\.id) == ["aws", "chat"])
        let aws = register.vendors[0]
        #expect(aws.data == [.customer, .personal] && aws.subprocessor && aws.handlesPersonalData)
        #expect(aws.assurance.map(\.kind) == [.soc2Type2, .questionnaire])
        #expect(aws.assurance[0].periodEnd == CalendarDay(iso: "2026-03-31") && aws.assurance[1].periodEnd == nil)
        #expect(aws.review == VendorReview(frequency: .annual, path: "evidence/vendors/aws/review-*.md"))
        #expect(aws.dpa == "evidence/vendors/aws/dpa-*.pdf")
        #expect(register.subprocessors.map(\.id) == ["aws"])
        #expect(!register.vendors[1].needsAssurance && register.vendors[1].data.isEmpty)
    }

    @Test func reportsEveryMistakeAtItsPosition() {
        let text = """
            dossier: 1
            vendors:
              - id: a
                name: A
                owner: a@acme.example
                criticality: critical
                data: [customer, persona]
                subprocessor: yes
                dpa: ../outside.pdf
              - id: b
                name: B
                owner: b@acme.example
                criticality: high
                data: [personal]
                assurance:
                  - kind: soc2-type2
                    path: "evidence/b/[unclosed"
                  - kind: iso-27001
                    path: evidence/b/iso-*.pdf
                    period_end: 2026-02-30
                review: {frequency: yearly}
                contact: b@vendor.example

            """
        let (register, diagnostics) = load(text)
        func at(_ code: DiagnosticCode) -> [String] {
            diagnostics.filter { $0.code == code }.map { "\($0.line ?? 0):\($0.column ?? 0)" }
        }
        #expect(at(.schemaNotAllowed) == ["6:18", "7:22", "8:19", "18:15", "21:25"])
        #expect(at(.registerInvalidPath) == ["9:10", "17:15"])
        #expect(at(.vendorMissingDPA) == ["10:5"])
        #expect(at(.vendorMissingPeriodEnd) == ["16:9"])
        #expect(at(.schemaNotADate) == ["20:21"])
        #expect(at(.schemaMissingKey) == ["21:13"])  // the review has no path
        #expect(at(.schemaUnknownKey) == ["22:5"])
        #expect(diagnostics.count == 12, "\(diagnostics.map { "\($0.code) \($0.message)" })")
        // `a` has no valid criticality and is dropped; `b` is kept without its broken parts.
        #expect(register.vendors.map(\.id) == ["b"])
        #expect(register.vendors[0].assurance.isEmpty && register.vendors[0].review == nil)
    }
}
