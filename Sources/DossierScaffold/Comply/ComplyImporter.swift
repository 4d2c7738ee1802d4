import DossierCore

/// Turns a ``ComplyProject`` into the files of a Dossier workspace and an ``ImportReport``.
///
/// One control per document that satisfies at least one SOC 2 criterion; every document's Markdown body
/// becomes a narrative under `narratives/<kind>/`. comply proves nothing by itself, so every control is
/// planned, and owners are placeholders the report asks the user to fill in.
public struct ComplyImporter: Sendable {
    public static let ownerPlaceholder = "owner@example.com"

    public var project: ComplyProject
    /// How the source folder is named in the report and in narrative front matter.
    public var sourceName: String

    public init(project: ComplyProject, sourceName: String) {
        self.project = project
        self.sourceName = sourceName
    }

    /// The result of an import: what to write and what to tell.
    public struct Result: Sendable {
        public var organization: String
        public var system: String
        public var scope: Set<TrustCategory>
        public var controls: [Control]
        /// controls.yaml first, then narratives, `.gitignore`, `evidence/README.md` and `IMPORT-REPORT.md`.
        public var files: [PlannedFile]
        public var report: ImportReport
    }

    public static let reportFile = "IMPORT-REPORT.md"

    /// The front matter of an imported policy: a draft (comply keeps no approval), owned by the placeholder.
    static func policyFrontMatter(_ document: ComplyDocument, id: String, criteria: [String]) -> String {
        "---\nid: \(id)\ntitle: \(YAMLScalar.text(document.title))\nowner: \(ownerPlaceholder)\n"
            + "version: \"\(max(document.revisions, 1)).0\"\nreview: annual\n"
            + "criteria: [\(criteria.joined(separator: ", "))]\n---\n"
    }

    public func run() -> Result {
        let folderName = project.root.split(separator: "/").last.map(String.init) ?? "comply"
        let organization = project.name.flatMap { StarterWorkspace.nameProblem($0) == nil ? $0 : nil } ?? folderName
        let system = StarterWorkspace.defaultSystem(for: organization)
        var report = ImportReport(source: sourceName, organization: organization)
        let soc2Standards = soc2StandardNames()

        var controls: [Control] = []
        var narratives: [PlannedFile] = []
        /// comply path → narrative path, for rewriting links between documents.
        var moved: [String: String] = [:]
        var sources: [String] = []
        var usedIDs = Set<String>()
        var usedSlugs = Set<String>()
        var usedPolicyIDs = Set<String>()
        var policyCount = 0
        var unresolved: [String: Set<String>] = [:]
        var revisions = 0
        var cronReplaced = 0

        for document in project.documents {
            // The text, as a narrative.
            let body = String(
                resolve(document.body, placeholders: &unresolved[document.path, default: []])
                    .drop(while: { $0 == "\n" || $0 == "\r" }))
            var narrativePath: String?
            // A policy's text goes to policies/, where Dossier judges its approval; its front matter is
            // written once its criteria are known.
            var policyIndex: Int?
            var textPath: String?
            if !body.trimmingWhitespace().isEmpty {
                let slug = unique(Self.slug(document.stem), in: &usedSlugs, folder: document.kind.folder)
                let isPolicy = document.kind == .policy
                let path = isPolicy ? "\(Policy.folder)/\(slug).md" : "narratives/\(document.kind.folder)/\(slug).md"
                let front =
                    isPolicy
                    ? "\n"
                    : "---\ntitle: \(YAMLScalar.text(document.title))\n"
                        + "summary: \(YAMLScalar.text("Imported from the comply \(document.kind.rawValue) \(document.path)"))\n---\n\n"
                narratives.append(PlannedFile(path: path, contents: front + body + (body.hasSuffix("\n") ? "" : "\n")))
                if isPolicy { policyIndex = narratives.count - 1 } else { narrativePath = path }
                textPath = path
                moved[document.path] = path
                sources.append(document.path)
            }
            revisions += document.revisions

            // The criteria it satisfies.
            var criteria: [String] = []
            var unknown: [String] = []
            for entry in document.satisfies {
                guard soc2Standards.contains(entry.standard) else {
                    report.add(
                        "`\(document.path)` (\(document.title)): \(entry.keys.count) key(s) of the standard `\(entry.standard)` (\(entry.keys.joined(separator: ", "))): Dossier's catalog is SOC 2 only",
                        to: ImportReport.criteria)
                    continue
                }
                for key in entry.keys {
                    if let id = Self.criterion(key) {
                        if !criteria.contains(id) { criteria.append(id) }
                    } else if !unknown.contains(key) {
                        unknown.append(key)
                    }
                }
            }
            if let policyIndex {
                let id = unique(Self.controlID(document.acronym ?? document.id ?? document.stem), in: &usedPolicyIDs)
                narratives[policyIndex].contents =
                    Self.policyFrontMatter(document, id: id, criteria: criteria) + narratives[policyIndex].contents
                policyCount += 1
            }
            let kept = textPath.map { "the text is in `\($0)`" } ?? "it has no text"
            if !unknown.isEmpty {
                let list = unknown.map { "`\($0)`" }.joined(separator: ", ")
                let outcome = criteria.isEmpty ? "no control written; \(kept)" : "dropped from the control"
                report.add(
                    "`\(document.path)` (\(document.title)): \(list) \(unknown.count == 1 ? "is not a SOC 2 criterion" : "are not SOC 2 criteria"): \(outcome)",
                    to: ImportReport.criteria)
            }
            guard !criteria.isEmpty else {
                if unknown.isEmpty {
                    report.add(
                        "`\(document.path)` (\(document.title)): no SOC 2 criteria in `satisfies`, so no control; \(kept). Map it to criteria by hand if it operates as a control",
                        to: ImportReport.noControl)
                }
                continue
            }

            // The control.
            var frequency = Frequency.annual
            var description = "Imported from the comply \(document.kind.rawValue) \(document.path)."
            if policyIndex != nil, let textPath { description += " The policy is \(textPath)." }
            if let cron = document.cron {
                if let mapped = CronSchedule.frequency(cron) {
                    frequency = mapped
                    description += " comply scheduled it with cron `\(cron)`."
                    cronReplaced += 1
                } else {
                    report.add(
                        "`\(document.path)`: the cron schedule `\(cron)` could not be read; the control is annual",
                        to: ImportReport.fillIn)
                }
            }
            let id = unique(Self.controlID(document.acronym ?? document.id ?? document.stem), in: &usedIDs)
            controls.append(
                Control(
                    id: id, title: document.title, description: description, owner: Self.ownerPlaceholder,
                    frequency: frequency, criteria: criteria, narrative: narrativePath, status: .planned))
        }

        // Relative links between documents follow them to their new place; links to anything else would be
        // errors in `check`, so they become plain text.
        var unlinked: [String] = []
        for index in narratives.indices {
            let from = narratives[index].path
            let folder = Self.folder(of: sources[index])
            let (text, count) = MarkdownLinks.rewrite(narratives[index].contents) { destination in
                guard
                    let target = Self.normalized(folder + NarrativeLinker.percentDecoded(destination)).flatMap({
                        moved[$0]
                    })
                else { return nil }
                return Self.relativePath(from: from, to: target)
            }
            narratives[index].contents = text
            if count > 0 { unlinked.append("`\(from)` (\(count))") }
        }
        if !unlinked.isEmpty {
            report.add(
                "Links to files that were not imported became plain text: " + unlinked.joined(separator: ", "),
                to: ImportReport.notCarried)
        }

        // Bracketed ids that name nothing here would be errors in `check`: make them plain text.
        let ids = Set(controls.map(\.id))
        var escaped: [String] = []
        for index in narratives.indices {
            let (text, count) = NarrativeReferences.escapingUnknown(in: narratives[index].contents, controls: ids)
            if count > 0 {
                narratives[index].contents = text
                escaped.append("`\(narratives[index].path)` (\(count))")
            }
        }
        if !escaped.isEmpty {
            report.add(
                "Bracketed ids that name no control or criterion here were escaped (`\\[`) so they read as text: "
                    + escaped.joined(separator: ", "), to: ImportReport.notCarried)
        }

        var scope: Set<TrustCategory> = [.security]
        for control in controls {
            for id in control.criteria { if let c = SOC2Catalog.criterion(id) { scope.insert(c.category) } }
        }
        addFillIns(&report, controls: controls, system: system, organization: organization)
        addNotCarried(&report, revisions: revisions, cronReplaced: cronReplaced, unresolved: unresolved)

        let map =
            ControlMapWriter.header(
                comment: [
                    "Dossier control map imported from a comply project by `dossier import comply`.",
                    "IMPORT-REPORT.md lists what could not be carried over and what to fill in.",
                    "Every control is planned: comply documents describe controls, they do not prove",
                    "them. Replace the placeholder owners, add `evidence:` globs as you collect",
                    "evidence under evidence/, and set `status: implemented` when a control proves itself.",
                ],
                organization: organization, system: system, scope: scope) + "\n" + ControlMapWriter.controls(controls)
        let byKind = ComplyDocument.Kind.allCases.map { kind in
            (kind, controls.filter { $0.description?.contains("comply \(kind.rawValue) ") == true }.count)
        }
        report.summary = [
            "\(controls.count) controls in `controls.yaml` ("
                + byKind.map { "\($0.1) from \($0.0.folder)" }.joined(separator: ", ") + "), all planned",
            "\(narratives.count - policyCount) narratives under `narratives/` and \(policyCount) draft policies under "
                + "`policies/` (the documents' text, with `{{.Name}}` resolved; approve each policy in its front matter)",
            "scope: " + TrustCategory.allCases.filter(scope.contains).map(\.rawValue).joined(separator: ", "),
        ]

        var files = [PlannedFile(path: Workspace.controlMapFile, contents: map)]
        files += narratives
        if let ignore = StarterKit.file(".gitignore") {
            files.append(PlannedFile(path: ignore.path, contents: ignore.contents))
        }
        files.append(PlannedFile(path: "evidence/README.md", contents: Self.evidenceReadme))
        files.append(PlannedFile(path: Self.reportFile, contents: report.markdown))
        return Result(
            organization: organization, system: system, scope: scope, controls: controls, files: files, report: report)
    }

    // MARK: - Report sections

    private func addFillIns(_ report: inout ImportReport, controls: [Control], system: String, organization: String) {
        if !controls.isEmpty {
            report.add(
                "Owners: comply has none, so every control's owner is `\(Self.ownerPlaceholder)`. Put the real owner on each control in `controls.yaml`",
                to: ImportReport.fillIn)
            report.add(
                "Evidence: no control names any yet. Add `evidence:` globs (for example `evidence/policies/<ID>/approval-*.pdf`) and commit the files",
                to: ImportReport.fillIn)
        }
        report.add(
            "System: comply has no name for the system in scope; `system:` is `\(system)`", to: ImportReport.fillIn)
        if project.name == nil {
            let why = project.hasSettings ? "comply.yml has no `name`" : "there is no comply.yml"
            report.add(
                "Organisation: \(why), so `organization:` is the folder's name, `\(organization)`, and `{{.Name}}` became it too",
                to: ImportReport.fillIn)
        }
    }

    private func addNotCarried(
        _ report: inout ImportReport, revisions: Int, cronReplaced: Int, unresolved: [String: Set<String>]
    ) {
        for system in project.ticketSystems {
            report.add(
                "Ticket settings (`tickets: \(system)`): Dossier tracks evidence in git, not tickets; the credentials in comply.yml were not copied",
                to: ImportReport.notCarried)
        }
        if cronReplaced > 0 {
            report.add(
                "Scheduled tickets: \(cronReplaced) procedure cron schedule(s) became control frequencies; Dossier opens no tickets, `dossier check` lists what falls due",
                to: ImportReport.notCarried)
        }
        for key in project.otherSettings {
            report.add("comply.yml setting `\(key)`", to: ImportReport.notCarried)
        }
        if revisions > 0 {
            report.add(
                "Revision history: \(revisions) `majorRevisions` entries; git history records changes from now on",
                to: ImportReport.notCarried)
        }
        for standard in project.standards where !soc2StandardNames().contains(standard.name) {
            report.add(
                "Standard `\(standard.name)` (`\(standard.path)`, \(standard.keys.count) keys): Dossier's catalog is SOC 2 only",
                to: ImportReport.notCarried)
        }
        for standard in project.standards where soc2StandardNames().contains(standard.name) {
            let unknown = standard.keys.filter { Self.criterion($0) == nil }
            if !unknown.isEmpty {
                report.add(
                    "`\(standard.path)` defines \(unknown.map { "`\($0)`" }.joined(separator: ", ")), not in the SOC 2 catalog",
                    to: ImportReport.criteria)
            }
        }
        for (path, names) in unresolved.sorted(by: { $0.key < $1.key }) where !names.isEmpty {
            report.add(
                "`\(path)`: template placeholder(s) \(names.sorted().map { "`{{\($0)}}`" }.joined(separator: ", ")) left as written",
                to: ImportReport.notCarried)
        }
        for skip in project.skipped {
            report.add("`\(skip.path)` \(skip.reason)", to: ImportReport.skippedFiles)
        }
    }

    static let evidenceReadme = """
        # Evidence

        Commit the files that prove each control operated here, one folder per control
        (for example `evidence/policies/AOTP/`), and name them in the control's `evidence:`
        list in `controls.yaml` with a glob such as `evidence/policies/AOTP/approval-*.pdf`.
        Dossier dates every file by the date in its name (`approval-2026-06-30.pdf`) when
        it was committed within a month after it, else by the commit that last changed it.

        Never commit secrets: redact passwords, API keys, tokens and private keys first.

        """
}
