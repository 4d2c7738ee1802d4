import DossierGit

/// Names every part of one document: version 5 UUIDs in the document's own namespace.
struct OscalNaming {
    let document: NameBasedUUID

    func uuid(_ name: String) -> String { NameBasedUUID(namespace: document, name: name).description }
}

extension OscalExport {
    typealias AR = OscalAssessmentResults

    /// One back-matter resource per evidence file any requirement counts (path order), and each file's UUID.
    func evidenceResources(_ naming: OscalNaming) -> ([AR.Resource], [[UInt8]: String]) {
        var resources: [AR.Resource] = []
        var resourceUUID: [[UInt8]: String] = [:]
        let used = assessment.readiness.controls.flatMap(\.requirements).flatMap(\.files)
        for file in used.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) where resourceUUID[file.path] == nil
        {
            let id = naming.uuid("evidence|" + file.displayPath)
            resourceUUID[file.path] = id
            var props = [OscalValues.prop("path", file.displayPath)]
            if let commit = file.commit?.hash { props.append(OscalValues.prop("commit", commit)) }
            if let date = file.date { props.append(OscalValues.prop("evidence-date", date.description)) }
            if let source = file.dateSource { props.append(OscalValues.prop("dated-by", source.rawValue)) }
            let hashes = digests[file.path].map { [AR.Hash(algorithm: "SHA-256", value: $0)] }
            resources.append(
                AR.Resource(
                    uuid: id, title: file.displayPath, description: "Evidence file \(file.displayPath)", props: props,
                    rlinks: [
                        AR.ResourceLink(
                            href: evidencePrefix + OscalValues.uriPath(file.displayPath),
                            mediaType: OscalValues.mediaType(file.displayPath), hashes: hashes)
                    ]))
        }
        return (resources, resourceUUID)
    }

    /// One observation per evidence requirement of each control, and the observations of each control.
    func observations(_ naming: OscalNaming, _ resourceUUID: [[UInt8]: String])
        -> ([AR.Observation], [String: [String]])
    {
        var observations: [AR.Observation] = []
        var byControl: [String: [String]] = [:]
        let asOf = assessment.readiness.asOf
        for control in assessment.readiness.controls {
            for (index, q) in control.requirements.enumerated() {
                let id = naming.uuid("observation|\(control.control.id)|\(index + 1)")
                byControl[control.control.id, default: []].append(id)
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
                            OscalValues.prop("control", control.control.id),
                            OscalValues.prop("requirement-state", q.state.rawValue),
                            OscalValues.prop("frequency", q.frequency.rawValue),
                        ],
                        methods: ["EXAMINE"], relevantEvidence: evidence.isEmpty ? nil : evidence,
                        collected: OscalValues.timestamp(q.newest ?? asOf)))
            }
        }
        return (observations, byControl)
    }

    /// One finding per applicable criterion: satisfied when a ready control covers it.
    func findings(_ naming: OscalNaming, _ observationsByControl: [String: [String]]) -> [AR.Finding] {
        let r = assessment.readiness
        return r.criteria.filter { $0.state != .outOfScope && $0.state != .excluded }.map { criterion in
            let ready = criterion.controls.filter { r.control($0)?.isReady == true }
            var description = "\(criterion.criterion.id) \(criterion.criterion.title): \(criterion.state.rawValue)"
            if criterion.controls.isEmpty {
                description += "; no control maps to it."
            } else {
                description += "; mapped by " + criterion.controls.joined(separator: ", ")
                description += ready.isEmpty ? ", none ready." : "; ready: " + ready.joined(separator: ", ") + "."
            }
            let related = criterion.controls.flatMap { observationsByControl[$0] ?? [] }
                .map { AR.RelatedObservation(observationUUID: $0) }
            return AR.Finding(
                uuid: naming.uuid("finding|" + criterion.criterion.id),
                title: "\(criterion.criterion.id) \(criterion.criterion.title)",
                description: description, props: [OscalValues.prop("criterion-state", criterion.state.rawValue)],
                target: AR.Target(
                    type: "objective-id", targetID: criterion.criterion.id, title: criterion.criterion.title,
                    status: AR.Status(
                        state: criterion.state == .covered ? "satisfied" : "not-satisfied", reason: nil, remarks: nil)),
                relatedObservations: related.isEmpty ? nil : related)
        }
    }

    /// The one result: the period judged, the controls reviewed, the observations and findings.
    func result(_ naming: OscalNaming, observations: [AR.Observation], findings: [AR.Finding]) -> AR.Result {
        let r = assessment.readiness
        let map = assessment.controlMap
        let commit = r.inventory.git.head
        let selected = r.controls.map { AR.SelectControl(controlID: OscalValues.token($0.control.id)) }
        var props = [
            OscalValues.prop("as-of", r.asOf.description), OscalValues.prop("covered", String(r.covered)),
            OscalValues.prop("applicable", String(r.applicable)),
        ]
        if let percent = r.percent { props.append(OscalValues.prop("readiness-percent", String(percent))) }
        if let commit { props.append(OscalValues.prop("commit", commit)) }
        let start = map.period.map { min($0.start, r.asOf) } ?? r.asOf
        let end = map.period.map { min($0.end, r.asOf) } ?? r.asOf
        return AR.Result(
            uuid: naming.uuid("result"),
            title: "SOC 2 readiness as of \(r.asOf)",
            description:
                "Readiness judged by Dossier from controls.yaml and the committed evidence"
                + (commit.map { " at commit \($0)" } ?? "")
                + ": \(r.covered) of \(r.applicable) applicable criteria covered"
                + (map.period.map { "; Type II period \($0.start) to \($0.end)" } ?? "; Type I") + ".",
            start: OscalValues.timestamp(start), end: OscalValues.timestamp(end), props: props,
            reviewedControls: AR.ReviewedControls(
                description: "Every control of controls.yaml.",
                controlSelections: [
                    AR.ControlSelection(description: nil, includeControls: selected.isEmpty ? nil : selected)
                ]),
            observations: observations.isEmpty ? nil : observations,
            findings: findings.isEmpty ? nil : findings,
            remarks: nil)
    }
}
