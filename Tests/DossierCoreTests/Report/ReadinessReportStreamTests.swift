import Foundation
import Testing

@testable import DossierCore

/// `ReadinessReport.write` streams the report in slices; its bytes must be the ones JSONEncoder gives for the
/// whole value, whatever the shape of the two arrays it splices.
@Suite struct ReadinessReportStreamTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let assessment = AssessmentPipeline(
        workspace: Workspace(path: root.path), asOfOverride: CalendarDay(iso: "2026-11-15")
    ).run()
    static let example = ReadinessReport(assessment)

    /// The reference: Foundation's encoder over the whole value, as `encoded()` did before it streamed.
    static func whole(_ report: ReadinessReport) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return [UInt8](try encoder.encode(report)) + [10]
    }

    static func pieces(_ report: ReadinessReport) throws -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        try report.write { pieces.append($0) }
        return pieces
    }

    @Test func exampleWorkspaceMatchesTheWholeEncoding() throws {
        #expect(!Self.example.controls.isEmpty && !Self.example.evidenceFiles.isEmpty)
        #expect(try Self.example.encoded() == Self.whole(Self.example))
    }

    /// What `check --json` and a bundle use: the report converted a slice at a time from the assessment.
    @Test func streamingFromTheAssessmentMatchesTheWholeReport() throws {
        #expect(Self.assessment.readiness.controls.count > 3 && Self.example.evidenceFiles.count > 4)
        for slices in [ReportStream.Slices(), ReportStream.Slices(controls: 2, files: 3), .init(controls: 1, files: 1)]
        {
            var pieces: [[UInt8]] = []
            try ReadinessReport.write(Self.assessment, slices: slices) { pieces.append($0) }
            #expect(Array(pieces.joined()) == (try Self.whole(Self.example)), "\(slices)")
        }
    }

    @Test(arguments: [
        (0, 0), (1, 0), (0, 1), (1, 1), (255, 256), (256, 257), (513, 1_000),
    ])
    func arraysOfEveryLengthAroundASlice(controls: Int, files: Int) throws {
        var report = Self.example
        report.controls = (0..<controls).map { Self.example.controls[$0 % Self.example.controls.count] }
        report.evidenceFiles = (0..<files).map { i in
            var file = Self.example.evidenceFiles[i % Self.example.evidenceFiles.count]
            file.path = "evidence/\(i)/f.csv"
            return file
        }
        #expect(try report.encoded() == Self.whole(report))
    }

    @Test func emptyNestedContainersAndAwkwardStrings() throws {
        var report = Self.example
        var control = report.controls[0]
        control.title = "line\nbreak \"quoted\" \\ / tab\t é \u{1F600} \u{0}"
        control.criteria = []
        control.evidence = []
        control.narrative = nil
        report.controls = [control, control]
        var file = report.evidenceFiles[0]
        file.problems = []
        file.author = "  \"controls\" : [\n\n  ]"  // the text the splice looks for, inside a string
        report.evidenceFiles = [file]
        report.controlsByState = [:]
        report.diagnostics = []
        #expect(try report.encoded() == Self.whole(report))
    }

    /// Streaming is the point: 3,000 files arrive in pieces, none of them more than a slice.
    @Test func largeReportsArriveInBoundedPieces() throws {
        var report = Self.example
        report.evidenceFiles = (0..<3_000).map { i in
            var file = Self.example.evidenceFiles[i % Self.example.evidenceFiles.count]
            file.path = "evidence/\(i)/export.csv"
            return file
        }
        let pieces = try Self.pieces(report)
        let total = pieces.reduce(0) { $0 + $1.count }
        #expect(pieces.count > 10)
        #expect(pieces.map(\.count).max()! < total / 8)
        #expect(Array(pieces.joined()) == (try Self.whole(report)))
    }
}
