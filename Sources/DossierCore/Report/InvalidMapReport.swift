import DossierGit
import Foundation

/// What `dossier check --json` prints when the control map has errors: the diagnostics and no readiness.
///
/// A map with errors has lost controls or fields, so any percentage computed from it would mislead; the
/// document says `valid: false` and carries no `readiness`, `controls` or `criteria`.
public struct InvalidMapReport: Encodable, Sendable {
    public var tool: String
    public var valid: Bool
    public var diagnostics: [ReadinessReport.DiagnosticEntry]

    public init(_ assessment: Assessment) {
        tool = "dossier \(DossierVersion.current)"
        valid = false
        diagnostics = assessment.diagnostics.sortedForDisplay().map(ReadinessReport.DiagnosticEntry.init)
    }

    /// Pretty, key-sorted JSON with a final newline, like the full report.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}
