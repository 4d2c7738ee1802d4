import DossierYAML

/// Turns `vendors.yaml` into a ``VendorRegister``, reporting every problem in one pass and keeping the valid
/// vendors.
struct VendorRegisterLoader {
    static let topLevelKeys = ["dossier", "vendors"]
    static let vendorKeys = [
        "id", "name", "service", "owner", "criticality", "data", "subprocessor", "assurance", "review", "dpa",
    ]

    let yaml: RegisterYAML
    var file: String { yaml.file }

    func load(_ bytes: [UInt8], into log: DiagnosticLog) -> VendorRegister {
        var diagnostics: [Diagnostic] = []
        defer { log.report(diagnostics) }
        var register = VendorRegister()
        guard
            let root = yaml.root(bytes, what: "vendor inventory", example: "a `vendors:` list", &diagnostics),
            var top = MappingReader(root, context: "the vendor inventory", file: file, diagnostics: &diagnostics)
        else { return register }
        yaml.header(&top)
        let items = yaml.list(
            top.value("vendors"), key: "vendors", hint: "each vendor is an item starting with `- id:`",
            &top.diagnostics)
        var seen: [String: SourceMark] = [:]
        for item in items {
            if let vendor = readVendor(item, &seen, &top.diagnostics) { register.vendors.append(vendor) }
        }
        top.finish(allowed: Self.topLevelKeys)
        diagnostics += top.diagnostics
        return register
    }

    private func readVendor(
        _ node: YAMLNode, _ seen: inout [String: SourceMark], _ diagnostics: inout [Diagnostic]
    ) -> Vendor? {
        guard var r = MappingReader(node, context: "a vendor", file: file, diagnostics: &diagnostics) else {
            return nil
        }
        defer { diagnostics += r.diagnostics }
        let id = yaml.id(&r, kind: "vendor", example: "aws", seen: &seen)
        if let id { r.context = "vendor \(id)" }
        let name = r.string("name", required: true, hint: "the vendor's name, e.g. `Amazon Web Services`")
        let service = r.string("service", required: false)
        let owner = r.string("owner", required: true, hint: "who manages the vendor, e.g. `ops@acme.example`")
        let criticality = r.choice("criticality", required: true, as: Vendor.Criticality.self)
        var data: [Vendor.DataKind] = []
        for (text, mark) in r.scalarList("data") ?? [] {
            guard let kind = Vendor.DataKind(rawValue: text) else {
                let allowed = Vendor.DataKind.allCases.map(\.rawValue)
                r.diagnostics.append(
                    .error(
                        .schemaNotAllowed, "`data` must list \(allowed.joined(separator: ", ")), found `\(text)`",
                        file: file, at: mark,
                        hint: r.suggestion(text, allowed) ?? "write some of: " + allowed.joined(separator: ", ")))
                continue
            }
            if !data.contains(kind) { data.append(kind) }
        }
        let subprocessor = boolean(&r, "subprocessor") ?? false
        var assurance: [AssuranceReport] = []
        for item in yaml.list(
            r.value("assurance"), key: "assurance", hint: "each report is `- kind: soc2-type2` with a `path:`",
            &r.diagnostics)
        {
            if let report = readAssurance(item, &r.diagnostics) { assurance.append(report) }
        }
        var review: VendorReview?
        if let reviewNode = r.value("review"), !reviewNode.isNull,
            var reader = MappingReader(reviewNode, context: "`review`", file: file, diagnostics: &r.diagnostics)
        {
            let frequency = reader.choice("frequency", required: true, as: Frequency.self)
            let path = yaml.evidencePath(
                &reader, "path", required: true, example: "evidence/vendors/\(id ?? "aws")/review-*.md")
            reader.finish(allowed: ["frequency", "path"])
            r.diagnostics += reader.diagnostics
            if let frequency, let path { review = VendorReview(frequency: frequency, path: path) }
        }
        let dpaWritten = r.node.value(forKey: "dpa") != nil
        let dpa = yaml.evidencePath(&r, "dpa", required: false, example: "evidence/vendors/\(id ?? "aws")/dpa-*.pdf")
        if data.contains(.personal) && !dpaWritten {
            r.diagnostics.append(
                .error(
                    .vendorMissingDPA, "vendor \(id ?? "") handles personal data but names no DPA", file: file,
                    at: node.sourceMark,
                    hint: "add `dpa:` with the evidence glob of the signed data processing agreement"))
        }
        r.finish(allowed: Self.vendorKeys)
        guard let id, let criticality else { return nil }
        return Vendor(
            id: id, name: name ?? id, service: service, owner: owner ?? "", criticality: criticality, data: data,
            subprocessor: subprocessor, assurance: assurance, review: review, dpa: dpa, mark: node.sourceMark)
    }

    private func readAssurance(_ node: YAMLNode, _ diagnostics: inout [Diagnostic]) -> AssuranceReport? {
        guard var r = MappingReader(node, context: "an assurance report", file: file, diagnostics: &diagnostics)
        else { return nil }
        defer { diagnostics += r.diagnostics }
        let kind = r.choice("kind", required: true, as: AssuranceReport.Kind.self)
        let path = yaml.evidencePath(&r, "path", required: true, example: "evidence/vendors/aws/soc2-*.pdf")
        let periodEnd = r.day("period_end")?.0
        r.finish(allowed: ["kind", "path", "period_end"])
        if let kind, kind != .questionnaire, periodEnd == nil, r.node.value(forKey: "period_end") == nil {
            r.diagnostics.append(
                .error(
                    .vendorMissingPeriodEnd, "a \(kind.rawValue) report has no `period_end`", file: file,
                    at: node.sourceMark,
                    hint: "add the last day of the period the report covers, e.g. `period_end: 2026-03-31`"))
            return nil
        }
        guard let kind, let path else { return nil }
        return AssuranceReport(kind: kind, path: path, periodEnd: periodEnd, mark: node.sourceMark)
    }

    private func boolean(_ r: inout MappingReader, _ key: String) -> Bool? {
        guard let v = r.value(key), !v.isNull else { return nil }
        guard v.isPlainScalar, let text = v.scalar, text == "true" || text == "false" else {
            r.diagnostics.append(
                .error(
                    .schemaNotAllowed, "`\(key)` must be true or false, found \(v.describedValue)", file: file,
                    at: v.sourceMark, hint: "write `\(key): true` or `\(key): false`"))
            return nil
        }
        return text == "true"
    }
}
