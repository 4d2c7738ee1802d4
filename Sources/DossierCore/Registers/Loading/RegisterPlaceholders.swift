/// Register owners at a domain reserved for examples (as `dossier init` and `import comply` write them): one
/// warning per register (risks, vendors, all policies together), at the first such entry, with a count, as for
/// the control map's owners.
enum RegisterPlaceholders {
    static func diagnostics(_ sources: RegisterSources) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func check(
            _ entries: [(id: String, owner: String, file: String, mark: SourceMark?)], _ kind: String, _ plural: String
        ) {
            let placeholders = entries.filter { NarrativePlaceholders.exampleDomain(of: $0.owner) != nil }
            guard let first = placeholders.first, let domain = NarrativePlaceholders.exampleDomain(of: first.owner)
            else { return }
            let message =
                placeholders.count == 1
                ? "\(kind) \(first.id) is owned by `\(first.owner)`, a placeholder address at \(domain)"
                : "\(placeholders.count) \(plural) are owned by placeholder addresses at example domains "
                    + "(the first is \(first.id), `\(first.owner)`)"
            found.append(
                Diagnostic(
                    .warning, .registerPlaceholderOwner, message, file: first.file, line: first.mark?.line,
                    column: first.mark?.column,
                    hint:
                        "put the person or team that answers for each \(kind) in `owner:`; the site and the bundle show it"
                ))
        }
        check(
            (sources.risks?.risks ?? []).map { ($0.id, $0.owner, RiskRegister.file, $0.mark) }, "risk", "risks")
        check(
            (sources.vendors?.vendors ?? []).map { ($0.id, $0.owner, VendorRegister.file, $0.mark) }, "vendor",
            "vendors")
        check(sources.policies.map { ($0.id, $0.owner, $0.path, $0.mark) }, "policy", "policies")
        return found
    }
}
