import DossierCore

/// `dossier import comply`: reads a comply project and writes a Dossier workspace next to it.
public struct ComplyImport: Sendable {
    public var source: String
    public var output: String
    public var force: Bool

    public static let defaultOutput = "./dossier-workspace"

    public init(source: String, output: String = ComplyImport.defaultOutput, force: Bool = false) {
        self.source = source
        self.output = output
        self.force = force
    }

    /// What the import did.
    public struct Report: Sendable {
        public var directory: String
        public var result: ComplyImporter.Result
        public var outcome: WorkspaceTarget.Outcome
        public var git: GitSetup.Outcome
    }

    public func run() throws(ComplyImportError) -> Report {
        let project: ComplyProject
        do {
            project = try ComplyProject(root: source)
        } catch {
            throw .input(error)
        }
        let result = ComplyImporter(project: project, sourceName: source).run()
        let target = WorkspaceTarget(path: output, force: force)
        do {
            try target.prepare()
            let outcome = try target.write(result.files)
            return Report(
                directory: target.path, result: result, outcome: outcome, git: GitSetup.ensureWorkTree(at: target.path))
        } catch {
            throw .output(error)
        }
    }
}

extension ComplyImport.Report {
    /// The report, then what was written and the next steps, for the terminal.
    public func text(displayPath: String) -> String {
        var out = result.report.markdown + "\n"
        out +=
            "Wrote \(outcome.created.count) file\(outcome.created.count == 1 ? "" : "s") to \(displayPath) (the report is \(ComplyImporter.reportFile)).\n"
        out += outcome.skippedAndGitLines(git)
        out += "\nNext steps:\n"
        out += "  cd \(displayPath.shellQuoted)\n"
        out += "  git add -A && git commit -m \"Import the comply project\"\n"
        out += "  dossier check        # the to-do list, with every imported control planned\n"
        return out
    }
}
