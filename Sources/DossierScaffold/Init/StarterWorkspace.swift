import DossierCore

/// What `dossier init` writes for one organisation and scope: the starter kit cut down to the scope, with the
/// organisation's names filled in.
///
/// Criteria of categories out of scope are dropped from each control; a control left with none is not written,
/// and neither are its evidence README nor a narrative that no written control refers to. The kit's comments
/// are kept: the header as written (with `organization`, `system` and `scope` replaced) and the comment lines
/// above each control, which move to the next written control of the area when theirs is left out.
public struct StarterWorkspace: Sendable {
    public let organization: String
    public let system: String
    /// Categories in scope, always with security.
    public let scope: Set<TrustCategory>
    /// The controls written, in kit order.
    public let controls: [Control]
    /// Every file to write, controls.yaml first.
    public let files: [PlannedFile]

    /// The scope of the kit's own control map, used when `init` is not given one.
    public static var defaultScope: Set<TrustCategory> { kit.map.scope.union([.security]) }

    public init(organization: String, system: String? = nil, scope: Set<TrustCategory>? = nil) {
        let system = system ?? Self.defaultSystem(for: organization)
        let scope = (scope ?? Self.defaultScope).union([.security])
        self.organization = organization
        self.system = system
        self.scope = scope

        let kit = Self.kit
        var kept: [Control] = []
        var leading: [String: [String]] = [:]
        var pending: [String]?
        for control in kit.map.controls {
            let own = kit.leading[control.id] ?? [""]
            let criteria = control.criteria.filter {
                SOC2Catalog.criterion($0).map { scope.contains($0.category) } ?? false
            }
            guard !criteria.isEmpty else {
                if Self.hasComment(own) { pending = own }
                continue
            }
            var written = control
            written.criteria = criteria
            written.mark = nil
            leading[control.id] = Self.hasComment(own) ? own : (pending ?? own)
            pending = nil
            kept.append(written)
        }
        controls = kept

        var header = kit.header
        for index in header.indices {
            if header[index].hasPrefix("organization:") {
                header[index] = "organization: \(YAMLScalar.quoted(organization))"
            } else if header[index].hasPrefix("system:") {
                header[index] = "system: \(YAMLScalar.quoted(system))"
            } else if header[index].hasPrefix("scope:") {
                header[index] = ControlMapWriter.scopeLine(scope)
            }
        }
        var map = header.map { $0 + "\n" }.joined() + (kept.isEmpty ? "controls: []\n" : "controls:\n")
        for control in kept {
            for line in leading[control.id] ?? [""] { map += line + "\n" }
            for line in kit.blocks[control.id] ?? [] {
                // The kit's own text, so its hand-wrapped descriptions stay as written; only criteria change.
                map +=
                    (line.hasPrefix("    criteria:")
                        ? "    criteria: [\(control.criteria.joined(separator: ", "))]" : line) + "\n"
            }
        }
        var files = [PlannedFile(path: Workspace.controlMapFile, contents: map)]

        let keptIDs = Set(kept.map(\.id))
        let writtenNarratives = Set(kept.compactMap(\.narrative))
        let kitNarratives = Set(kit.map.controls.compactMap(\.narrative))
        for file in StarterKit.allFiles where file.path != Workspace.controlMapFile {
            let parts = file.path.split(separator: "/").map(String.init)
            if parts.first == "evidence", parts.count >= 4, kit.ids.contains(parts[2]), !keptIDs.contains(parts[2]) {
                continue
            }
            if kitNarratives.contains(file.path), !writtenNarratives.contains(file.path) { continue }
            var contents = file.contents
                .replacing(StarterKit.organizationPlaceholder, with: organization)
                .replacing(StarterKit.systemPlaceholder, with: system)
            if parts.first == "narratives" || parts.first == "policies" {
                contents = NarrativeReferences.removing(kit.ids.subtracting(keptIDs), from: contents)
            }
            files.append(PlannedFile(path: file.path, contents: contents))
        }
        self.files = files
    }

    /// "<organisation> Platform", the default name of the system in scope.
    public static func defaultSystem(for organization: String) -> String { "\(organization) Platform" }

    /// Why `name` cannot be an organisation or system name, or nil when it can.
    public static func nameProblem(_ name: String) -> String? {
        if name.trimmingWhitespace().isEmpty { return "is empty" }
        if name.unicodeScalars.contains(where: {
            $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}"
        }) {
            return "contains a line break or control character"
        }
        if name.count > 200 { return "is longer than 200 characters" }
        return nil
    }

    // MARK: - The kit, read once

    struct Kit: Sendable {
        /// Lines above `controls:`.
        var header: [String]
        var map: ControlMap
        var ids: Set<String>
        /// Control id → the comment and blank lines just above it.
        var leading: [String: [String]]
        /// Control id → its lines, from `- id:` to its last line of content.
        var blocks: [String: [String]]
        var diagnostics: [Diagnostic]
    }

    static let kit: Kit = {
        let text = StarterKit.controlMap
        let log = DiagnosticLog()
        let map = ControlMapLoader(fileExists: { _ in true }).load(Array(text.utf8), into: log)
        let diagnostics = log.diagnostics
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let controlsLine = lines.firstIndex(of: "controls:") ?? lines.count
        var leading: [String: [String]] = [:]
        var blocks: [String: [String]] = [:]
        var starts: [(id: String, index: Int)] = []
        for control in map.controls {
            guard let line = control.mark?.line else { continue }
            var first = line - 1
            while first - 1 > controlsLine && isCommentOrBlank(lines[first - 1]) { first -= 1 }
            leading[control.id] = Array(lines[first..<(line - 1)])
            starts.append((control.id, line - 1))
        }
        for (k, start) in starts.enumerated() {
            var end = k + 1 < starts.count ? starts[k + 1].index - (leading[starts[k + 1].id]?.count ?? 0) : lines.count
            while end > start.index + 1 && isCommentOrBlank(lines[end - 1]) { end -= 1 }
            blocks[start.id] = Array(lines[start.index..<end])
        }
        return Kit(
            header: Array(lines[..<controlsLine]), map: map, ids: Set(map.controls.map(\.id)), leading: leading,
            blocks: blocks, diagnostics: diagnostics)
    }()

    private static func isCommentOrBlank(_ line: String) -> Bool {
        let trimmed = line.trimmingWhitespace()
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    private static func hasComment(_ lines: [String]) -> Bool {
        lines.contains { $0.trimmingWhitespace().hasPrefix("#") }
    }
}

/// A file a command means to create in a new workspace.
public struct PlannedFile: Sendable, Hashable {
    /// Workspace-relative, `/`-separated.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

extension StarterWorkspace {
    /// Parses `--scope`: category names separated by commas (`security,availability`); security is added.
    /// Returns the unknown name when there is one.
    public static func parseScope(_ text: String) -> Result<Set<TrustCategory>, UnknownCategoryError> {
        var scope: Set<TrustCategory> = [.security]
        for part in text.split(separator: ",") {
            let name = String(part).trimmingWhitespace().lowercased()
            if name.isEmpty { continue }
            guard let category = TrustCategory(rawValue: name) else {
                return .failure(UnknownCategoryError(name: name))
            }
            scope.insert(category)
        }
        return .success(scope)
    }

}
