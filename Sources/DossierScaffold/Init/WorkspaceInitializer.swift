import DossierCore

/// `dossier init`: writes the starter workspace into a folder and makes it a git work tree.
public struct WorkspaceInitializer: Sendable {
    public var directory: String
    /// Fills `{{organization}}`; default: the folder's name.
    public var organization: String?
    /// Fills `{{system}}`; default: "<organisation> Platform".
    public var system: String?
    /// Default: the kit's scope. Security is always added.
    public var scope: Set<TrustCategory>?
    public var force: Bool

    public init(
        directory: String, organization: String? = nil, system: String? = nil, scope: Set<TrustCategory>? = nil,
        force: Bool = false
    ) {
        self.directory = directory
        self.organization = organization
        self.system = system
        self.scope = scope
        self.force = force
    }

    /// What `init` did.
    public struct Report: Sendable {
        public var directory: String
        public var workspace: StarterWorkspace
        public var outcome: WorkspaceTarget.Outcome
        public var git: GitSetup.Outcome
    }

    public func run() throws(WorkspaceTargetError) -> Report {
        let target = WorkspaceTarget(path: directory, force: force)
        try target.prepare()
        let folder = target.folderName
        let name = organization ?? (StarterWorkspace.nameProblem(folder) == nil ? folder : "Example Organisation")
        let workspace = StarterWorkspace(organization: name, system: system, scope: scope)
        let outcome = try target.write(workspace.files)
        let git = GitSetup.ensureWorkTree(at: target.path)
        return Report(directory: target.path, workspace: workspace, outcome: outcome, git: git)
    }
}

extension WorkspaceInitializer.Report {
    /// What was created, skipped and set up, then the next steps, for the terminal.
    public func text(displayPath: String) -> String {
        var out = "Created a SOC 2 workspace for \(workspace.organization) (\(workspace.system)) in \(displayPath)\n"
        let scope = TrustCategory.allCases.filter(workspace.scope.contains).map(\.title).joined(separator: ", ")
        out += "  scope: \(scope)\n"
        let created = Set(outcome.created)
        let narratives = outcome.created.filter { $0.hasPrefix("narratives/") }.count
        let readmes = outcome.created.filter { $0.hasPrefix("evidence/") }.count
        if created.contains(Workspace.controlMapFile) {
            out += "  \(Workspace.controlMapFile)  \(workspace.controls.count) controls, all planned\n"
        }
        if narratives > 0 { out += "  narratives/     \(narratives) narrative templates, one per area\n" }
        if readmes > 0 {
            out += "  evidence/       \(readmes) folders, each with a README saying what to collect and how often\n"
        }
        for path in outcome.created
        where !path.hasPrefix("narratives/") && !path.hasPrefix("evidence/") && path != Workspace.controlMapFile {
            out += "  \(path)\n"
        }
        out += outcome.skippedAndGitLines(git)
        out += "\nNext steps:\n"
        if displayPath != "." { out += "  cd \(displayPath.shellQuoted)\n" }
        out += "  git add -A && git commit -m \"Start the SOC 2 workspace\"\n"
        out += "  dossier check        # valid, 0% ready: the to-do list is where to start\n"
        out += "Then adapt controls.yaml to what you really do, collect evidence into the folders under evidence/\n"
        out +=
            "(each README says what), fill in the narratives, and set each control to `implemented` as it proves itself.\n"
        out +=
            "For CI, copy ci/github-actions.yml to .github/workflows/dossier.yml or ci/gitlab-ci.yml to .gitlab-ci.yml.\n"
        return out
    }
}

extension String {
    /// The string as one word for a POSIX shell: unchanged when safe, else single-quoted.
    var shellQuoted: String {
        let safe = unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./+,:@%".unicodeScalars.contains($0)
        }
        if safe && !isEmpty { return self }
        return "'" + replacing("'", with: "'\\''") + "'"
    }
}
