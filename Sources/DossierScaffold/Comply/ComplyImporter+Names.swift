import DossierCore

/// Paths, ids, slugs and template placeholders: how comply's names become Dossier's.
extension ComplyImporter {
    // MARK: - Paths

    /// `policies/` for `policies/access.md`; "" at the top.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `a/./b/../c` → `a/c`; nil when `..` leaves the top.
    static func normalized(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The link from file `from` to file `to`, both relative to the same root.
    static func relativePath(from: String, to: String) -> String {
        let a = from.split(separator: "/").dropLast()
        let b = to.split(separator: "/")
        var common = 0
        while common < a.count, common < b.count - 1, a[a.startIndex + common] == b[common] { common += 1 }
        return (Array(repeating: "..", count: a.count - common) + b[common...].map(String.init)).joined(separator: "/")
    }

    // MARK: - Names

    /// Standards whose keys are SOC 2 criteria: `TSC` and any standard file that defines catalog criteria.
    func soc2StandardNames() -> Set<String> {
        var names: Set<String> = ["TSC", "TSC-2017", "TSC2017", "SOC2", "SOC 2", "SOC-2"]
        for standard in project.standards where standard.keys.contains(where: { SOC2Catalog.criterion($0) != nil }) {
            names.insert(standard.name)
        }
        return names
    }

    /// The catalog id for a comply control key (`CC6.1`; case is forgiven), or nil.
    static func criterion(_ key: String) -> String? {
        if let c = SOC2Catalog.criterion(key) { return c.id }
        return SOC2Catalog.criterion(key.uppercased())?.id
    }

    /// An acronym cut to letters, digits and `-`, upper-cased; `DOC` when nothing is left.
    static func controlID(_ text: String) -> String {
        var id = ""
        for scalar in text.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty && !id.hasSuffix("-") {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        id = String(id.prefix(48)).uppercased()
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "DOC" : id
    }

    /// A file name cut to lower-case letters, digits and `-`.
    static func slug(_ text: String) -> String {
        let id = controlID(text).lowercased()
        return id == "doc" && text.isEmpty ? "document" : id
    }

    func unique(_ base: String, in used: inout Set<String>, folder: String = "") -> String {
        var candidate = base
        var n = 2
        while used.contains(folder + "/" + candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(folder + "/" + candidate)
        return candidate
    }

    /// Resolves comply's Go-template placeholders for the project name; collects the ones it cannot resolve.
    func resolve(_ text: String, placeholders unresolved: inout Set<String>) -> String {
        guard text.contains("{{") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstRange(of: "{{") {
            out += rest[..<open.lowerBound]
            let after = rest[open.upperBound...]
            guard let close = after.firstRange(of: "}}") else {
                out += rest[open.lowerBound...]
                return out
            }
            let inner = String(after[..<close.lowerBound]).trimmingWhitespace()
            let name = project.name ?? (project.root.split(separator: "/").last.map(String.init) ?? "")
            switch inner {
            case ".Name", ".Project.Name":
                out += name
            case ".FilePrefix", ".Project.FilePrefix":
                out += project.filePrefix ?? name
            default:
                unresolved.insert(inner)
                out += rest[open.lowerBound..<close.upperBound]
            }
            rest = after[close.upperBound...]
        }
        return out + rest
    }
}
