import DossierCore
import DossierGit
import Foundation

/// Everything a site build depends on, digested: the Dossier and git executables, the options, the
/// environment git reads, git's configuration files, what git says about HEAD, the index and the evidence
/// (`git status`), and the files and folders the build reads (control map, narratives, templates, the
/// evidence pathspecs and every path the run looked up).
public struct SiteInputs: Sendable {
    public var workspace: Workspace
    /// The absolute site folder.
    public var output: String
    /// `--templates`, absolute; nil for WORKSPACE/templates.
    public var templateDirectory: String?
    public var includeEvidence: Bool
    public var asOf: String
    /// A stamp is written only when every input is older than the build's start by this much, so that a
    /// change made while the build ran (or within one clock tick of its snapshot) is never stamped as seen.
    public var settleNanoseconds: Int64 = 2_000_000_000

    public init(
        workspace: Workspace, output: String, templateDirectory: String?, includeEvidence: Bool,
        asOfOverride: CalendarDay?, today: CalendarDay
    ) {
        self.workspace = workspace
        self.output = output
        self.templateDirectory = templateDirectory
        self.includeEvidence = includeEvidence
        asOf = "\(asOfOverride?.description ?? "-") \(today.description)"
    }

    /// The stamp of the site in `output` when nothing it was built from changed and the folder is as it was
    /// written; nil means build.
    public func unchangedStamp() -> SiteStamp? {
        guard let git = Git(directory: workspace.root), let repository = try? GitRepository.open(git),
            let gitDirectory = repository.gitDirectory, let stamp = SiteStamp.load(gitDirectory: gitDirectory),
            stamp.output == output,
            let status = try? GitStatus.read(git, prefix: repository.prefix, pathspecs: stamp.pathspecs)
        else { return nil }
        let observation = GitObservation(repository: repository, pathspecs: stamp.pathspecs, status: status)
        guard let inputs = digest(observation, probes: stamp.probes), inputs.finalize() == stamp.inputs,
            siteDigest() == stamp.site
        else { return nil }
        return stamp
    }

    /// What a finished pipeline run read, described before the site is written: the digest and the lists
    /// an unchanged-build check must look at again.
    public struct Snapshot {
        public var inputs: TreeDigest
        var pathspecs: [String]
        var probes: [String]
        var gitDirectory: String
    }

    /// The snapshot of a finished pipeline run's inputs; nil when the run had no git folder to keep a stamp
    /// in or read too much to describe.
    public func snapshot(of assessment: Assessment) -> Snapshot? {
        guard let observation = assessment.readiness.inventory.observation,
            let gitDirectory = observation.gitDirectory
        else { return nil }
        // Every narrative read is among them (NarrativeCatalog reads through the workspace's probes).
        let probes = assessment.workspace.probes.recorded
        guard let inputs = digest(observation, probes: probes) else { return nil }
        return Snapshot(inputs: inputs, pathspecs: observation.pathspecs, probes: probes, gitDirectory: gitDirectory)
    }

    /// Writes the stamp for a site just written from `snapshot`, or removes an older one when an input changed
    /// too recently to trust its times (`settleNanoseconds`) or the site cannot be described.
    public func save(
        _ snapshot: Snapshot, startedAt: Int64, pages: Int, diagnostics: [Diagnostic]
    ) {
        guard snapshot.inputs.newestChange < startedAt - settleNanoseconds, let site = siteDigest() else {
            SiteStamp.remove(gitDirectory: snapshot.gitDirectory)
            return
        }
        SiteStamp(
            output: output, inputs: snapshot.inputs.finalize(), site: site, pathspecs: snapshot.pathspecs,
            probes: snapshot.probes, pages: pages, diagnostics: diagnostics
        ).save(gitDirectory: snapshot.gitDirectory)
    }

    // MARK: - Digests

    private func digest(_ observation: GitObservation, probes: [String]) -> TreeDigest? {
        guard let gitDirectory = observation.gitDirectory, let common = observation.commonDirectory else {
            return nil
        }
        var digest = TreeDigest()
        digest.add("format", "\(SiteStamp.currentFormat) \(DossierVersion.current)")
        digest.addEntry("dossier", absolute: "/proc/self/exe", isProgram: true)
        digest.add("output", output)
        digest.add("templates", templateDirectory ?? "-")
        digest.add("includeEvidence", String(includeEvidence))
        digest.add("asOf", asOf)
        let environment = ProcessInfo.processInfo.environment
        // Not TZ: pages show UTC days and git is asked for epoch seconds, so the site does not depend on it (a
        // test builds under two zones and compares bytes); and the zip writer sets it in-process.
        for key in ["SOURCE_DATE_EPOCH", "PATH"] { digest.add("env." + key, environment[key] ?? "-") }
        // git's configuration and the state that changes what `git log` shows without moving HEAD.
        guard digest.addGitSetup(gitDirectory: gitDirectory, commonDirectory: common) else { return nil }
        observation.feed(&digest)

        let skip = skipper()
        var roots = [Workspace.controlMapFile, "narratives"] + observation.pathspecs + probes
        if templateDirectory == nil { roots.append("templates") }
        digest.add("roots", roots.joined(separator: "\u{0}"))
        for root in roots {
            guard digest.addTree(root: workspace.root, relative: root, skip: skip) else { return nil }
        }
        if let templateDirectory {
            guard digest.addTree(root: templateDirectory, relative: "") else { return nil }
        }
        return digest
    }

    /// Leaves out the site folder, the staging folders a build writes next to it, and git's own folder.
    private func skipper() -> ([UInt8]) -> Bool {
        let root = workspace.root
        let git = Array(".git".utf8)
        guard output.hasPrefix(root + "/") else { return { $0 == git } }
        let site = Array(output.utf8.dropFirst(root.utf8.count + 1))
        // SiteWriter stages `<parent>/.<name>.dossier-new-<pid>` and retires `.<name>.dossier-old-<pid>`.
        let slash = site.lastIndex(of: 47)
        let name = slash.map { Array(site[($0 + 1)...]) } ?? site
        let staging = (slash.map { Array(site[...$0]) } ?? []) + [46] + name + Array(".dossier-".utf8)
        return { path in
            path == git || path == site || (path.starts(with: staging) && !path[staging.count...].contains(47))
        }
    }

    private func siteDigest() -> String? {
        var digest = TreeDigest()
        guard digest.addTree(root: output, relative: "") else { return nil }
        return digest.finalize()
    }
}
