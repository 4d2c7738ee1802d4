import DossierCore

/// Where every page and anchor of the site lives, decided once so that every link agrees.
///
/// Pages sit at the root (`index.html`, `gaps.html`, `evidence.html`) or one folder down (`controls/AC-001.html`;
/// narratives mirror their folders, `narratives/policies/access.html`), so a page's links to others are its root
/// prefix (`""`, `"../"`, …) plus the target's site path: relative links
/// only, working from `file://`, any sub-path of a web server and an unpacked bundle. Names are limited to
/// `A-Za-z0-9._-` and made unique case-insensitively (a site copied to a case-insensitive disk keeps every page).
struct SitePaths: Sendable {
    static let dashboard = "index.html"
    static let gaps = "gaps.html"
    /// The auditor's request list; only when the workspace has `requests.yaml`.
    static let requests = "requests.html"
    static let evidence = "evidence.html"
    static let controlsIndex = "controls/index.html"
    static let criteriaIndex = "criteria/index.html"
    static let narrativesIndex = "narratives/index.html"
    static let risks = "risks.html"
    static let vendors = "vendors.html"
    static let subprocessors = "subprocessors.html"
    static let policiesIndex = "policies/index.html"
    static let filesFolder = "files"
    static let placeholderImage = "assets/image-unavailable.svg"

    private(set) var controls: [String: String] = [:]
    private(set) var criteria: [String: String] = [:]
    private(set) var narratives: [String: String] = [:]
    /// Policy file path → its page.
    private(set) var policies: [String: String] = [:]
    /// Evidence path bytes → anchor id on the evidence page.
    private(set) var evidenceAnchors: [[UInt8]: String] = [:]
    /// Evidence path bytes → site path of the copy (only with `includeEvidence`).
    var evidenceCopies: [[UInt8]: String] = [:]

    init(controlIDs: [String], narrativePaths: [String], evidence: [[UInt8]], policies: [Policy] = []) {
        var taken: Set<String> = ["index"]
        for id in controlIDs { controls[id] = "controls/" + Self.unique(Self.sanitize(id), &taken) + ".html" }
        taken = ["index"]
        for criterion in SOC2Catalog.criteria {
            criteria[criterion.id] = "criteria/" + Self.unique(Self.sanitize(criterion.id), &taken) + ".html"
        }
        taken = ["index"]
        for path in narrativePaths {
            narratives[path] = "narratives/" + Self.unique(Self.narrativePage(path), &taken) + ".html"
        }
        taken = ["index"]
        for policy in policies {
            self.policies[policy.path] = "policies/" + Self.unique(Self.sanitize(policy.id), &taken) + ".html"
        }
        taken = []
        for path in evidence {
            evidenceAnchors[path] = Self.unique("file-" + Self.sanitize(String(decoding: path, as: UTF8.self)), &taken)
        }
    }

    // MARK: - Naming

    /// Folder, under `narratives/` of the site, of narratives that a control names outside the workspace's
    /// `narratives/` folder.
    static let outsideNarratives = "_workspace"

    /// A narrative's page under `narratives/`, without the `.html`: its path below the workspace's
    /// `narratives/` folder, each part sanitized (`policies/access.md` → `policies/access`). Mirroring the
    /// folders keeps every page where it is whatever other files exist: flattening made
    /// `narratives/policies-access.md` push `policies/access.md` to `policies-access-2`. A narrative elsewhere
    /// (`docs/policy.md`) goes under `_workspace/` with its whole path.
    static func narrativePage(_ path: String) -> String {
        let prefix = NarrativeCatalog.folder + "/"
        var name = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : outsideNarratives + "/" + path
        if name.lowercased().hasSuffix(".md") { name.removeLast(3) }
        return name.split(separator: "/", omittingEmptySubsequences: true).map { sanitize(String($0)) }
            .joined(separator: "/")
    }

    /// Keeps ASCII letters, digits, `.`, `_` and `-`; everything else becomes `-`; never empty or starting with `.`.
    static func sanitize(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let keep =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-"
            out.unicodeScalars.append(keep ? scalar : "-")
        }
        while out.hasPrefix(".") { out = "-" + out.dropFirst() }
        if out.count > 100 { out = String(out.prefix(100)) }
        return out.isEmpty ? "page" : out
    }

    /// `name`, or `name-2`, `name-3`, … when a name equal to it ignoring case is already taken.
    static func unique(_ name: String, _ taken: inout Set<String>) -> String {
        var candidate = name
        var n = 1
        while taken.contains(candidate.lowercased()) {
            n += 1
            candidate = "\(name)-\(n)"
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// Percent-encodes everything but unreserved characters and `/`, for an href to a copied evidence file.
    static func urlEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let keep =
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
            if keep {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
            }
        }
        return out
    }

    /// The root prefix for a page at `path`: `""` at the root, `"../"` one folder down.
    static func root(of path: String) -> String {
        // Counted on the bytes where that gives the characters' count (every page row asks for it).
        guard NarrativeLinker.splitsByBytes(path) else {
            return String(repeating: "../", count: path.split(separator: "/").count - 1)
        }
        var parts = 0
        var inPart = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                inPart = false
            } else if !inPart {
                inPart = true
                parts += 1
            }
        }
        return String(repeating: "../", count: parts - 1)
    }
}
