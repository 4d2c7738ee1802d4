import DossierYAML

/// Turns `risks.yaml` into a ``RiskRegister``, reporting every problem in one pass and keeping the valid risks.
struct RiskRegisterLoader {
    static let topLevelKeys = ["dossier", "review", "appetite", "owner", "risks"]
    static let riskKeys = [
        "id", "title", "description", "owner", "likelihood", "impact", "treatment", "controls", "residual",
        "accepted",
    ]

    let yaml: RegisterYAML
    var file: String { yaml.file }

    func load(_ bytes: [UInt8], into log: DiagnosticLog) -> RiskRegister {
        var diagnostics: [Diagnostic] = []
        defer { log.report(diagnostics) }
        var register = RiskRegister()
        guard
            let root = yaml.root(
                bytes, what: "risk register", example: "a `risks:` list", &diagnostics),
            var top = MappingReader(root, context: "the risk register", file: file, diagnostics: &diagnostics)
        else { return register }
        yaml.header(&top)
        register.review = top.choice("review", required: false, as: Frequency.self) ?? .annual
        if let appetite = top.integer("appetite", range: 1...25) {
            register.appetite = appetite
        } else if top.node.value(forKey: "appetite") == nil {
            top.missing("appetite", hint: "the highest residual score (1–25) accepted without treatment, e.g. `8`")
        }
        register.owner = top.string("owner", required: false)
        let items = yaml.list(
            top.value("risks"), key: "risks", hint: "each risk is an item starting with `- id:`", &top.diagnostics)
        var seen: [String: SourceMark] = [:]
        for item in items {
            if let risk = readRisk(item, &seen, &top.diagnostics) { register.risks.append(risk) }
        }
        top.finish(allowed: Self.topLevelKeys)
        diagnostics += top.diagnostics
        return register
    }

    private func readRisk(
        _ node: YAMLNode, _ seen: inout [String: SourceMark], _ diagnostics: inout [Diagnostic]
    ) -> Risk? {
        guard var r = MappingReader(node, context: "a risk", file: file, diagnostics: &diagnostics) else {
            return nil
        }
        defer { diagnostics += r.diagnostics }
        let id = yaml.id(&r, kind: "risk", example: "R-001", seen: &seen)
        if let id { r.context = "risk \(id)" }
        let title = r.string("title", required: true, hint: "one line naming the threat")
        let description = r.string("description", required: false)
        let owner = r.string("owner", required: true, hint: "who answers for the risk, e.g. `security@acme.example`")
        let inherent = yaml.score(&r)
        let treatment = r.choice("treatment", required: true, as: Risk.Treatment.self)
        let controls = yaml.controls(&r, "controls")
        var residual: RiskScore?
        if let node = r.value("residual"), !node.isNull,
            var reader = MappingReader(node, context: "`residual`", file: file, diagnostics: &r.diagnostics)
        {
            residual = yaml.score(&reader)
            reader.finish(allowed: ["likelihood", "impact"])
            r.diagnostics += reader.diagnostics
        }
        var acceptance: RiskAcceptance?
        let acceptedNode = r.value("accepted")
        if let acceptedNode, !acceptedNode.isNull,
            var reader = MappingReader(acceptedNode, context: "`accepted`", file: file, diagnostics: &r.diagnostics)
        {
            let by = reader.string("by", required: true, hint: "who accepted the risk, e.g. `ceo@acme.example`")
            let on = reader.day("on", required: true)
            let until = reader.day("until", required: true)
            reader.finish(allowed: ["by", "on", "until"])
            r.diagnostics += reader.diagnostics
            if let (start, _) = on, let (end, endMark) = until, end < start {
                r.diagnostics.append(
                    .error(
                        .riskAcceptanceReversed, "the acceptance ends (\(end)) before it was given (\(start))",
                        file: file, at: endMark, hint: "`until` is the last day the acceptance holds"))
            } else if let by, let (start, _) = on, let (end, _) = until {
                acceptance = RiskAcceptance(by: by, on: start, until: end)
            }
        }
        // A rule of the register, not of the YAML: reported once, at the risk.
        // Unknown ids are errors already; "names no controls" would only repeat them.
        let written = r.node.value(forKey: "controls")?.value
        let namesControls = written?.scalar.map { !$0.isEmpty } ?? (written?.sequence?.isEmpty == false)
        if treatment == .mitigate && !namesControls {
            r.diagnostics.append(
                .error(
                    .riskMitigateWithoutControls, "risk \(id ?? "") is mitigated but names no controls", file: file,
                    at: node.sourceMark,
                    hint: "list the mitigating controls (`controls: [AC-001]`), or choose another treatment"))
        }
        if treatment == .accept && (acceptedNode == nil || acceptedNode?.isNull == true) {
            r.diagnostics.append(
                .error(
                    .riskAcceptWithoutAcceptance,
                    "risk \(id ?? "") is accepted but does not say by whom and until when",
                    file: file, at: node.sourceMark,
                    hint: "add `accepted: {by: ceo@acme.example, on: 2026-03-01, until: 2027-03-01}`"))
        }
        r.finish(allowed: Self.riskKeys)
        guard let id, let inherent, let treatment else { return nil }
        return Risk(
            id: id, title: title ?? "", description: description, owner: owner ?? "", inherent: inherent,
            treatment: treatment, controls: controls, residual: residual, acceptance: acceptance,
            mark: node.sourceMark)
    }
}
