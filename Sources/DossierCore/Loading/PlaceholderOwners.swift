/// Control owners at a domain reserved for examples (`security@example.com`, as the starter kit and
/// `import comply` write them): the auditor asks each owner about their controls, so every such owner is a
/// question nobody can answer. One warning for the whole control map, at the first such control, with a count.
enum PlaceholderOwners {
    static func diagnostics(_ map: ControlMap, file: String) -> [Diagnostic] {
        let placeholders = map.controls.filter { NarrativePlaceholders.exampleDomain(of: $0.owner) != nil }
        guard let first = placeholders.first, let domain = NarrativePlaceholders.exampleDomain(of: first.owner) else {
            return []
        }
        let message =
            placeholders.count == 1
            ? "control \(first.id) is owned by `\(first.owner)`, a placeholder address at \(domain)"
            : "\(placeholders.count) controls are owned by placeholder addresses at example domains "
                + "(the first is \(first.id), `\(first.owner)`)"
        return [
            Diagnostic(
                .warning, .controlMapPlaceholderOwner, message, file: file, line: first.mark?.line,
                column: first.mark?.column,
                hint: "put the person or team that runs each control in `owner:`; the site and the bundle show it")
        ]
    }
}
