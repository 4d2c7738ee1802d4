import Dispatch
import DossierTestSupport
import Testing

@testable import DossierCore

/// The one place every step reports into.
@Suite("diagnostic log")
struct DiagnosticLogTests {
    @Test("reports from two threads are all kept, each thread's in its own order")
    func concurrent() {
        let log = DiagnosticLog()
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for i in 0..<500 {
                log.report(.warning(.narrativeMissingAnchor, "\(thread) \(i)"))
            }
        }
        let all = log.diagnostics
        #expect(all.count == 1_000)
        for thread in 0..<2 {
            let mine = all.filter { $0.message.hasPrefix("\(thread) ") }.map {
                Int($0.message.split(separator: " ")[1])!
            }
            #expect(mine == Array(0..<500))
        }
        #expect(!log.hasErrors)
        log.report([.error(.controlMapEmpty, "the control map is empty")])
        #expect(log.hasErrors)
    }

    @Test("a pipeline run reports every step's problems into the log it is given")
    func pipelineReportsIntoTheGivenLog() {
        let empty = TemporaryDirectory()
        let log = DiagnosticLog()
        let assessment = AssessmentPipeline(workspace: Workspace(path: empty.path)).run(log: log)
        #expect(log.diagnostics.map(\.code) == assessment.diagnostics.map(\.code))
        #expect(log.diagnostics.contains { $0.code == .controlMapMissing })
    }
}

extension DiagnosticLogTests {
    @Test("what a person is shown is capped per file and code, without notes")
    func shown() {
        let log = DiagnosticLog()
        for n in 1...10 {
            log.report(.warning(.narrativeUnknownControl, "reference to unknown control `X-\(n)`", file: "n.md"))
        }
        log.report(Diagnostic(.note, .evidenceDatedAfterAsOf, "later", file: "controls.yaml"))
        #expect(log.diagnostics.count == 11)
        #expect(log.shown.count == DiagnosticCap.perFile)
        #expect(log.shown.allSatisfy { $0.severity == .warning })
    }
}
