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
        let documentUUID = NameBasedUUID(
            namespace: .dossier,
            name: "assessment-results|\(map.organization)|\(map.system)|\(commit ?? "no-commit")|\(r.asOf)")
        func uuid(_ name: String) -> String { NameBasedUUID(namespace: documentUUID, name: name).description }
        let stamp = Self.timestamp(r.asOf)

        // One back-matter resource per evidence file any requirement counts.
        var resources: [AR.Resource] = []
        var resourceUUID: [[UInt8]: String] = [:]
        let used = r.controls.flatMap(\.requirements).flatMap(\.files)
        for file in used.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) where resourceUUID[file.path] == nil
        {
            let id = uuid("evidence|" + file.displayPath)
            resourceUUID[file.path] = id
            var props = [Self.prop("path", file.displayPath)]
            if let commit = file.commit?.hash { props.append(Self.prop("commit", commit)) }
            if let date = file.date { props.append(Self.prop("evidence-date", date.description)) }
            if let source = file.dateSource { props.append(Self.prop("dated-by", source.rawValue)) }
            let hashes = digests[file.path].map { [AR.Hash(algorithm: "SHA-256", value: $0)] }
            resources.append(
                AR.Resource(
                    uuid: id, title: file.displayPath, description: "Evidence file \(file.displayPath)", props: props,
                    rlinks: [
                        AR.ResourceLink(
                            href: evidencePrefix + Self.uriPath(file.displayPath),
                            mediaType: Self.mediaType(file.displayPath), hashes: hashes)
                    ]))
        }

        var observations: [AR.Observation] = []
        var observationsByControl: [String: [String]] = [:]
        for control in r.controls {
            for (index, q) in control.requirements.enumerated() {
                let id = uuid("observation|\(control.control.id)|\(index + 1)")
                observationsByControl[control.control.id, default: []].append(id)
                var description = "Evidence requirement \(index + 1) of \(control.control.id), `\(q.requirement.path)`"
                if let text = q.requirement.description { description += " (\(text))" }
                description += ": \(q.state.rawValue)"
                if let newest = q.newest { description += ", newest \(newest)" }
                if !q.missingWindows.isEmpty {
                    description += ", no evidence in " + q.missingWindows.map(\.label).joined(separator: ", ")
                }
                if !q.failingWindows.isEmpty {
                    description += ", failing tests in " + q.failingWindows.map(\.label).joined(separator: ", ")
                }
                description += "."
                let evidence = q.files.map { file -> AR.RelevantEvidence in
                    AR.RelevantEvidence(
                        href: resourceUUID[file.path].map { "#" + $0 },
                        description: "\(file.displayPath), dated \(file.date?.description ?? "unknown")")
                }
                observations.append(
                    AR.Observation(
                        uuid: id, title: "\(control.control.id) evidence \(index + 1)", description: description,
                        props: [
                            Self.prop("control", control.control.id), Self.prop("requirement-state", q.state.rawValue),
                            Self.prop("frequency", q.frequency.rawValue),
                        ],
                        methods: ["EXAMINE"], relevantEvidence: evidence.isEmpty ? nil : evidence,
                        collected: q.newest.map(Self.timestamp) ?? stamp))
            }
        }

        var findings: [AR.Finding] = []
        for criterion in r.criteria where criterion.state != .outOfScope && criterion.state != .excluded {
            let ready = criterion.controls.filter { r.control($0)?.isReady == true }
            let satisfied = criterion.state == .covered
            var description = "\(criterion.criterion.id) \(criterion.criterion.title): \(criterion.state.rawValue)"
            if criterion.controls.isEmpty {
                description += "; no control maps to it."
            } else {
                description += "; mapped by " + criterion.controls.joined(separator: ", ")
                description += ready.isEmpty ? ", none ready." : "; ready: " + ready.joined(separator: ", ") + "."
            }
            let related = criterion.controls.flatMap { observationsByControl[$0] ?? [] }
                .map { AR.RelatedObservation(observationUUID: $0) }
            findings.append(
                AR.Finding(
                    uuid: uuid("finding|" + criterion.criterion.id),
                    title: "\(criterion.criterion.id) \(criterion.criterion.title)",
                    description: description, props: [Self.prop("criterion-state", criterion.state.rawValue)],
                    target: AR.Target(
                        type: "objective-id", targetID: criterion.criterion.id, title: criterion.criterion.title,
                        status: AR.Status(state: satisfied ? "satisfied" : "not-satisfied", reason: nil, remarks: nil)),
                    relatedObservations: related.isEmpty ? nil : related))
        }

        let selected = r.controls.map { AR.SelectControl(controlID: Self.token($0.control.id)) }
        let title = [map.organization, map.system].filter { !$0.isEmpty }.joined(separator: " — ")
        var resultProps = [
            Self.prop("as-of", r.asOf.description), Self.prop("covered", String(r.covered)),
            Self.prop("applicable", String(r.applicable)),
        ]
        if let percent = r.percent { resultProps.append(Self.prop("readiness-percent", String(percent))) }
        if let commit { resultProps.append(Self.prop("commit", commit)) }
        let start = map.period.map { min($0.start, r.asOf) } ?? r.asOf
        let end = map.period.map { min($0.end, r.asOf) } ?? r.asOf
        let result = AR.Result(
            uuid: uuid("result"),
            title: "SOC 2 readiness as of \(r.asOf)",
            description:
                "Readiness judged by Dossier from controls.yaml and the committed evidence"
                + (commit.map { " at commit \($0)" } ?? "")
                + ": \(r.covered) of \(r.applicable) applicable criteria covered"
                + (map.period.map { "; Type II period \($0.start) to \($0.end)" } ?? "; Type I") + ".",
            start: Self.timestamp(start), end: Self.timestamp(end), props: resultProps,
            reviewedControls: AR.ReviewedControls(
                description: "Every control of controls.yaml.",
                controlSelections: [
                    AR.ControlSelection(description: nil, includeControls: selected.isEmpty ? nil : selected)
                ]),
            observations: observations.isEmpty ? nil : observations,
            findings: findings.isEmpty ? nil : findings,
            remarks: nil)

        let planUUID = uuid("assessment-plan")
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
        let parties =
            map.organization.isEmpty
            ? nil : [AR.Party(uuid: uuid("party|organization"), type: "organization", name: map.organization)]
        let results = AR(
            uuid: documentUUID.description,
            metadata: AR.Metadata(
                title: "SOC 2 readiness" + (title.isEmpty ? "" : " of \(title)") + " as of \(r.asOf)",
                lastModified: stamp, version: commit.map { "\(r.asOf)+\($0.prefix(12))" } ?? r.asOf.description,
                oscalVersion: Self.oscalVersion, props: [Self.prop("generator", "dossier \(DossierVersion.current)")],
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

    // MARK: - Values

    static func prop(_ name: String, _ value: String) -> OscalAssessmentResults.Property {
        OscalAssessmentResults.Property(name: name, value: value.isEmpty ? "-" : value, ns: namespace, class: nil)
    }

    static func timestamp(_ day: CalendarDay) -> String { "\(day)T00:00:00Z" }

    /// OSCAL tokens start with a letter or `_`; a control id that starts with a digit gets a leading `_`.
    static func token(_ id: String) -> String {
        guard let first = id.unicodeScalars.first, CharacterSet.letters.contains(first) || first == "_" else {
            return "_" + id
        }
        return id
    }

    /// A workspace path as a URI reference: every byte outside RFC 3986's unreserved set and `/` is
    /// percent-encoded.
    static func uriPath(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                out.append(c)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }

    static func mediaType(_ path: String) -> String? {
        switch path.split(separator: ".").last?.lowercased() {
        case "csv": "text/csv"
        case "tsv": "text/tab-separated-values"
        case "json": "application/json"
        case "yaml", "yml": "application/yaml"
        case "pdf": "application/pdf"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "txt", "log": "text/plain"
        case "md": "text/markdown"
        default: nil
        }
    }
}
