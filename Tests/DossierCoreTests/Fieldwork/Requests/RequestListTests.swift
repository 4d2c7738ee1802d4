import DossierCore
import DossierTestSupport
import Foundation
import Testing

@Suite struct RequestListTests {
    static func load(_ text: String) -> (RequestList, [Diagnostic]) {
        let log = DiagnosticLog()
        let list = RequestListLoader(controls: ["AC-001", "CHG-001"]).load(Array(text.utf8), into: log)
        return (list, log.diagnostics)
    }

    @Test func everyMistakeIsADiagnosticAndValidRequestsAreKept() {
        let (list, diagnostics) = Self.load(
            """
            dossier: 1
            requests:
              - id: R1
                controls: [AC-001, AC-01]
                criteria: [CC6.1, CC9.9]
                evidence: [/etc/passwd, "evidence/[x.csv"]
                asignee: someone
              - id: R1
              - id: R2
                period: {start: 2026-06-30, end: 2026-01-01}
                due: soon
            """)
        #expect(list.requests.map(\.id) == ["R1", "R2"])
        #expect(list.requests[0].controls == ["AC-001"])
        #expect(list.requests[0].evidence.isEmpty)
        let codes = diagnostics.map { "\($0.code.rawValue)@\($0.line!)" }.sorted()
        #expect(
            codes == [
                "requests.duplicate-id@8", "requests.invalid-path@6", "requests.invalid-path@6",
                "requests.unknown-control@4", "requests.unknown-criterion@5", "schema.not-a-date@10",
                "schema.not-a-date@11", "schema.unknown-key@7",
            ])
        #expect(diagnostics.first { $0.code == .requestsUnknownCriterion }?.severity == .warning)
        #expect(Self.load("dossier: 2\nrequests: []\n").1.map(\.code) == [.requestsUnsupportedFormat])
    }

    @Test func statesFollowEvidenceDatesAndDueDates() throws {
        let repo = FieldworkFixture.make()
        repo.write(
            "requests.yaml",
            """
            dossier: 1
            requests:
              - {id: R1, controls: [CHG-001], due: 2026-07-01}
              - {id: R2, controls: [CHG-001], period: {start: 2026-03-01, end: 2026-05-31}, due: 2026-07-01}
              - {id: R3, controls: [CHG-001], period: {start: 2026-03-01, end: 2026-05-31}, due: 2026-08-01}
              - {id: R4, evidence: ["evidence/mfa-*.json"], assignee: it@x}
              - {id: R5, evidence: ["evidence/prs-2026-05.csv"], assignee: it@x}
              - {id: R6, note: "See the board minutes in the data room", assignee: ann@x}
              - {id: R7, due: 2026-07-09}
              - {id: R8, controls: [AC-001, CHG-001], period: {start: 2026-06-01, end: 2026-06-30}}

            """)
        let assessment = FieldworkFixture.assessment(repo)
        #expect(!assessment.diagnostics.contains { $0.file == RequestList.file })
        let statuses = try #require(assessment.requests).statuses
        #expect(
            statuses.map(\.state) == [.answered, .overdue, .open, .answered, .open, .answered, .overdue, .open])
        #expect(
            statuses[0].files.map(\.displayPath) == [
                "evidence/policy.png", "evidence/prs-2025-12.csv", "evidence/prs-2026-01.csv",
                "evidence/prs-2026-02.csv",
                "evidence/prs-2026-06.csv",
            ])
        #expect(statuses[0].bundlePaths.first == "data/evidence/policy.png")
        #expect(statuses[1].unanswered == ["CHG-001"])
        #expect(statuses[4].unanswered == ["evidence/prs-2026-05.csv"])  // never committed
        #expect(statuses[7].unanswered == ["AC-001"])
        let groups = RequestStatuses.byAssignee(statuses)
        #expect(groups.map(\.assignee) == ["ann@x", "it@x", nil])
        #expect(groups[1].requests.map(\.request.id) == ["R4", "R5"])
    }

    @Test func exportKeepsTheAuditorsColumnsAndAddsStatusAndEvidence() throws {
        let repo = FieldworkFixture.make()
        let log = DiagnosticLog()
        var list = try #require(
            RequestCSVImport(file: "pbc.csv", controls: ["AC-001", "CHG-001"]).read(
                Array("Notes,ID,Control,Status\n=SUM(A1),R1,CHG-001,\nplain,R2,,\n".utf8), into: log))
        list.requests[1].note = nil
        let assessment = FieldworkFixture.assessment(repo)
        let statuses = RequestStatuses.evaluate(list, readiness: assessment.readiness)
        let text = String(
            decoding: RequestExport.csv(columns: list.columns, statuses: statuses).dropFirst(3), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows[0] == "Notes,ID,Control,Status,Answered by")
        #expect(
            rows[1].hasPrefix(
                "'=SUM(A1),R1,CHG-001,answered,\"data/evidence/policy.png\ndata/evidence/prs-2025-12.csv\ndata/evidence/prs-2026-01.csv"
            )
        )
        #expect(rows.last { !$0.isEmpty } == "plain,R2,,open,")
    }
}
