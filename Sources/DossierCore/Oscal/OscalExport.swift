import DossierGit
import Foundation

/// Turns an assessment into an OSCAL 1.1 **assessment-results** document: every control as a reviewed
/// control, each evidence requirement as an observation whose relevant evidence points at back-matter
/// resources (one per file: path, SHA-256, commit, evidence date), and one finding per applicable criterion,
/// satisfied when a ready control covers it.
///
/// Deterministic: UUIDs are version 5 of stable names (``NameBasedUUID``), timestamps are the as-of day at
/// 00:00 UTC, and arrays follow the control map and catalog order, so two exports of the same commit and
/// as-of day are identical.
public struct OscalExport {
    public static let oscalVersion = "1.1.3"
    /// The namespace of Dossier's own properties.
    public static let namespace = "https://dossier.invalid/ns/oscal"
    public static let fileName = "assessment-results.json"

    public var assessment: Assessment
    /// Lowercase hex SHA-256 by evidence path bytes (from ``EvidenceDigest``).
    public var digests: [[UInt8]: String]
    /// How evidence paths are reached from the document: `../` for `oscal/` in a workspace or `data/oscal/`
    /// in a bundle.
    public var evidencePrefix = "../"

    public init(assessment: Assessment, digests: [[UInt8]: String]) {
        self.assessment = assessment
        self.digests = digests
    }

    /// The export of an assessment, with the SHA-256 of every evidence file it names (from the digest cache
    /// where git says a file is unchanged, else read).
    public static func of(_ assessment: Assessment) -> OscalExport {
        let r = assessment.readiness
        let used = r.controls.flatMap(\.requirements).flatMap(\.files)
        let digests = EvidenceDigest.digests(
            of: EvidenceInventory(files: used, git: r.inventory.git), files: assessment.workspace.files)
        return OscalExport(assessment: assessment, digests: digests)
    }

    public func document() -> OscalDocument {
        typealias AR = OscalAssessmentResults
        let r = assessment.readiness
        let map = assessment.controlMap
        let commit = r.inventory.git.head
        let naming = OscalNaming(
            document: NameBasedUUID(
                namespace: .dossier,
                name: "assessment-results|\(map.organization)|\(map.system)|\(commit ?? "no-commit")|\(r.asOf)"))
        var (resources, resourceUUID) = evidenceResources(naming)
        let (observations, observationsByControl) = observations(naming, resourceUUID)
        let findings = findings(naming, observationsByControl)
        let result = result(naming, observations: observations, findings: findings)

        let planUUID = naming.uuid("assessment-plan")
        resources.insert(
            AR.Resource(
                uuid: planUUID, title: "controls.yaml",
                description:
                    "No separate OSCAL assessment plan: the plan is the control map, which names each control, the criteria it addresses and the evidence it needs.",
                props: nil,
                rlinks: [
                    AR.ResourceLink(
                        href: evidencePrefix + Workspace.controlMapFile, mediaType: "application/yaml", hashes: nil)
                ]),
            at: 0)
        let title = [map.organization, map.system].filter { !$0.isEmpty }.joined(separator: " — ")
        let parties =
            map.organization.isEmpty
            ? nil : [AR.Party(uuid: naming.uuid("party|organization"), type: "organization", name: map.organization)]
        let results = AR(
            uuid: naming.document.description,
            metadata: AR.Metadata(
                title: "SOC 2 readiness" + (title.isEmpty ? "" : " of \(title)") + " as of \(r.asOf)",
                lastModified: OscalValues.timestamp(r.asOf),
                version: commit.map { "\(r.asOf)+\($0.prefix(12))" } ?? r.asOf.description,
                oscalVersion: Self.oscalVersion,
                props: [OscalValues.prop("generator", "dossier \(DossierVersion.current)")],
                parties: parties, remarks: nil),
            importAP: AR.ImportAP(href: "#" + planUUID, remarks: nil),
            results: [result],
            backMatter: AR.BackMatter(resources: resources))
        return OscalDocument(assessmentResults: results)
    }

    /// Pretty, key-sorted JSON with a final newline.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(document())) + [10]
    }
}
