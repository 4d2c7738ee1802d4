import DossierCore

/// Writes controls in the layout of the starter kit, so that a generated `controls.yaml` reads like one
/// written by hand and loads back into the same controls.
///
/// Every string goes through ``YAMLScalar``: titles, owners and paths come from users and from imported
/// documents, and none of them may break the file.
public enum ControlMapWriter {
    /// The header keys of a control map that has no template: format, names, scope and empty exclusions.
    /// `comment` lines are written first, each prefixed with `# `.
    public static func header(comment: [String], organization: String, system: String, scope: Set<TrustCategory>)
        -> String
    {
        var out = comment.map { $0.isEmpty ? "#\n" : "# \($0)\n" }.joined()
        out += "dossier: 1\n"
        out += "organization: \(YAMLScalar.quoted(organization))\n"
        out += "system: \(YAMLScalar.quoted(system))\n"
        out += "frameworks: [\(SOC2Catalog.frameworkID)]\n"
        out += scopeLine(scope) + "\n"
        out += "grace_days: 0\n"
        out += "exclusions: []\n"
        return out
    }

    /// `scope: [security, …]` in catalog order; security is always included.
    public static func scopeLine(_ scope: Set<TrustCategory>) -> String {
        let names = TrustCategory.allCases.filter { $0 == .security || scope.contains($0) }.map(\.rawValue)
        return "scope: [\(names.joined(separator: ", "))]"
    }

    /// `controls:` and the list. `leading` maps a control id to the lines written above it (comments and
    /// blank lines, as they stand in the file); a control without an entry gets one blank line.
    public static func controls(_ controls: [Control], leading: [String: [String]] = [:]) -> String {
        if controls.isEmpty { return "controls: []\n" }
        var out = "controls:\n"
        for control in controls {
            for line in leading[control.id] ?? [""] { out += line + "\n" }
            out += render(control)
        }
        return out
    }

    /// One control as a block sequence item indented by two spaces.
    public static func render(_ control: Control) -> String {
        var out = "  - id: \(YAMLScalar.text(control.id))\n"
        let pad = "    "
        out += "\(pad)title: \(YAMLScalar.text(control.title))\n"
        if let description = control.description {
            out += "\(pad)description: \(long(description, indent: 6))\n"
        }
        out += "\(pad)owner: \(YAMLScalar.text(control.owner))\n"
        out += "\(pad)frequency: \(control.frequency.rawValue)\n"
        out += "\(pad)criteria: [\(control.criteria.map(YAMLScalar.text).joined(separator: ", "))]\n"
        if let narrative = control.narrative {
            out += "\(pad)narrative: \(YAMLScalar.text(narrative))\n"
        }
        out += "\(pad)status: \(control.status.rawValue)\n"
        if let justification = control.justification {
            out += "\(pad)justification: \(long(justification, indent: 6))\n"
        }
        if !control.evidence.isEmpty {
            out += "\(pad)evidence:\n"
            for requirement in control.evidence {
                out += "\(pad)  - path: \(YAMLScalar.text(requirement.path))\n"
                if let description = requirement.description {
                    out += "\(pad)    description: \(YAMLScalar.text(description))\n"
                }
                if let frequency = requirement.frequency {
                    out += "\(pad)    frequency: \(frequency.rawValue)\n"
                }
            }
        }
        return out
    }

    /// Short text on the key's line; long text folded over several lines when that reads back exactly.
    private static func long(_ text: String, indent: Int) -> String {
        if text.count <= 72 || YAMLScalar.folded(text, indent: indent) == nil { return YAMLScalar.text(text) }
        return YAMLScalar.folded(text, indent: indent)!
    }
}
