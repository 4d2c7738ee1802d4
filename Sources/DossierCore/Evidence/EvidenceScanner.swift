import DossierConcurrency
import DossierGit
import Foundation

/// Builds the evidence inventory: committed files from git (one `ls-tree`, one `status`, one `log` pass),
/// each checked in the working tree without following links, plus untracked and ignored files the control
/// map points at, so they are reported instead of silently used.
public struct EvidenceScanner: Sendable {
    /// The evidence folder every workspace has; files in it are listed even when no control uses them.
    public static let evidenceFolder = "evidence"
    /// Where a workspace may declare collection dates that win over commit dates.
    public static let collectionDatesFile = "evidence/collected.yaml"
    /// Names inside the evidence tree that document it rather than prove anything.
    public static let metaNames: Set<String> = [
        "README.md", "README", "README.txt", ".gitkeep", ".gitignore", ".gitattributes",
    ]

    /// The workspace's files; evidence is looked at through a cursor limited to the pathspecs.
    public var files: WorkspaceFiles
    public var globs: [Glob]
    var root: String { files.root }

    public init(files: WorkspaceFiles, requirements: [EvidenceRequirement]) {
        self.files = files
        self.globs = requirements.map { Glob($0.path) }
    }

    public func scan(into log: DiagnosticLog) -> EvidenceInventory {
        guard let git = Git(directory: root) else {
            log.report(
                Diagnostic(
                    .warning, .gitMissing, "git is not installed: evidence has no dates and nothing is judged fresh",
                    hint: "install git (Debian: `apt-get install git`)"))
            return EvidenceInventory(files: walk(), git: GitContext(isWorkTree: false))
        }
        let repository: GitRepository
        do {
            repository = try GitRepository.open(git)
        } catch let failure as GitError {
            if failure.isDubiousOwnership {
                log.report(
                    Diagnostic(
                        .error, .gitRefused,
                        "git refuses this repository: \(failure.message.split(separator: "\n").first ?? "")",
                        file: ".",
                        hint:
                            "another user owns it; if you trust it, add it yourself with `git config --global --add safe.directory \(root)`"
                    ))
            } else {
                log.report(
                    Diagnostic(
                        .warning,
                        .gitNotAWorkTree,
                        "the workspace is not a git work tree: evidence has no dates and nothing is judged fresh",
                        file: ".",
                        hint: "run `git init` and commit the evidence; Dossier dates evidence by its commits"))
            }
            return EvidenceInventory(files: walk(), git: GitContext(isWorkTree: false))
        } catch {
            log.report(Diagnostic(.error, .gitFailed, "cannot run git: \(error)"))
            return EvidenceInventory(files: walk(), git: GitContext(isWorkTree: false))
        }
        if repository.isShallow {
            log.report(
                Diagnostic(
                    .warning,
                    .gitShallow,
                    "this is a shallow clone: evidence last changed before its oldest commit has no true date",
                    file: ".", hint: "run `git fetch --unshallow` before judging readiness"))
        }
        do {
            return try scanGit(git, repository, log)
        } catch {
            log.report(
                Diagnostic(
                    .error, .gitFailed, "reading git failed: \(error)",
                    hint: "check that `git status` works in the workspace"))
            return EvidenceInventory(
                files: [], git: GitContext(isWorkTree: true, head: repository.head, branch: repository.branch))
        }
    }

    // MARK: - Git

    private func scanGit(_ git: Git, _ repository: GitRepository, _ log: DiagnosticLog) throws
        -> EvidenceInventory
    {
        let specs = pathspecs()
        // The history pass is the slowest git call: run it while the tree and working copy are checked.
        let history = Future(name: "dossier-history") {
            repository.head == nil ? GitHistory() : try GitHistory.read(git, pathspecs: specs, repository: repository)
        }
        let tree = repository.head == nil ? [] : try GitTreeEntry.list(git, pathspecs: specs)
        let status = try GitStatus.read(git, prefix: repository.prefix, pathspecs: specs)
        let boundaries = repository.isShallow ? shallowBoundaries(git) : []

        var files: [EvidenceFile] = []
        var committed = Set<[UInt8]>()
        let cursor = self.files.cursor(within: specs)
        for entry in tree where isCandidate(entry.path) {
            committed.insert(entry.path)
            var file = EvidenceFile(path: entry.path, isExecutable: entry.isExecutable, blob: entry.blob)
            if entry.isSymlink {
                file.problems.append(.symlink)
            } else if entry.isSubmodule {
                file.problems.append(.submodule)
            } else if !entry.isRegular {
                file.problems.append(.notRegular)
            } else {
                if let state = status.states[entry.path] { file.problems.append(problem(for: state)) }
                if !file.problems.contains(.deleted) { inspectWorkingCopy(&file, cursor) }
            }
            files.append(file)
        }
        let newest = try history.value().newest
        for index in files.indices {
            files[index].commit = newest[files[index].path]
            if let commit = files[index].commit, boundaries.contains(commit.hash) {
                files[index].problems.append(.shallowHistory)
            }
        }
        for (path, state) in status.states where !committed.contains(path) && isCandidate(path) {
            // Not in HEAD: untracked, ignored, or added to the index but never committed.
            var file = EvidenceFile(path: path, problems: [state == .ignored ? .ignored : .untracked])
            if case .regular(let size, _) = cursor?.entry(path) { file.size = size }
            files.append(file)
        }
        let dirty = status.states.contains { isCandidate($0.key) && $0.value != .ignored }
        var inventory = EvidenceInventory(
            files: files,
            git: GitContext(
                isWorkTree: true, head: repository.head, branch: repository.branch, isShallow: repository.isShallow,
                isDirty: dirty, gitDirectory: repository.gitDirectory))
        inventory.observation = GitObservation(repository: repository, pathspecs: specs, status: status)
        return inventory
    }

    private func problem(for state: GitStatus.State) -> EvidenceFile.Problem {
        switch state {
        case .modified: .modified
        case .staged: .staged
        case .untracked: .untracked
        case .ignored: .ignored
        case .conflicted: .conflicted
        case .deleted: .deleted
        }
    }

    /// Checks the working-tree file: no links, regular, size, and whether it is an unsmudged LFS pointer.
    /// Only files small enough to be a pointer are opened.
    private func inspectWorkingCopy(_ file: inout EvidenceFile, _ cursor: SafeDirectoryCursor?) {
        guard let cursor else {
            file.problems.append(.unreadable)
            return
        }
        switch cursor.entry(file.path) {
        case .regular(let size, _):
            file.size = size
            if size < 1024 {
                guard let opened = try? cursor.open(file.path), let head = try? opened.prefix(1024) else {
                    file.problems.append(.unreadable)
                    return
                }
                if LFSPointer.isPointer(head) { file.problems.append(.lfsPointer) }
            }
        case .symlink: file.problems.append(.symlink)
        case .notRegular: file.problems.append(.notRegular)
        case .missing: file.problems.append(.deleted)
        case .unreadable: file.problems.append(.unreadable)
        }
    }

    /// Commits at the edge of a shallow clone: their file lists include everything older history changed.
    private func shallowBoundaries(_ git: Git) -> Set<String> {
        guard let path = try? git.text(["rev-parse", "--path-format=absolute", "--git-path", "shallow"]),
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        else { return [] }
        return Set(text.split(separator: "\n").map(String.init))
    }

    // MARK: - Without git

    /// Every file under the evidence folder and the globs' folders, found without following links.
    private func walk() -> [EvidenceFile] {
        var found: [[UInt8]: EvidenceFile] = [:]
        for spec in pathspecs() {
            visit(spec == "." ? "" : spec, &found)
        }
        return Array(found.values)
    }

    private func visit(_ relative: String, _ found: inout [[UInt8]: EvidenceFile]) {
        guard let type = files.kind(relative) else { return }
        if type == .folder {
            for name in files.list(relative) ?? [] where !(relative.isEmpty && name.hasPrefix(".")) {
                visit(relative.isEmpty ? name : relative + "/" + name, &found)
            }
            return
        }
        let path = Array(relative.utf8)
        guard isCandidate(path) else { return }
        var file = EvidenceFile(path: path)
        switch type {
        case .link: file.problems.append(.symlink)
        case .file: inspectWorkingCopy(&file, files.cursor(within: ["."]))
        default: file.problems.append(.notRegular)
        }
        found[path] = file
    }

    // MARK: - Scope

    /// Folders to ask git about: the evidence folder and each glob's literal prefix, nested ones dropped.
    func pathspecs() -> [String] {
        var specs = Set([Self.evidenceFolder])
        for glob in globs {
            specs.insert(glob.literalPrefix.isEmpty ? "." : String(decoding: glob.literalPrefix, as: UTF8.self))
        }
        if specs.contains(".") { return ["."] }
        let sorted = specs.sorted()
        return sorted.filter { spec in !sorted.contains { $0 != spec && spec.hasPrefix($0 + "/") } }
    }

    /// Whether a path belongs in the inventory: under the evidence folder or matched by a glob, and not a
    /// file that documents the evidence tree.
    func isCandidate(_ path: [UInt8]) -> Bool {
        if path.elementsEqual(Self.collectionDatesFile.utf8) { return false }
        let start = (path.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        let name = path[start...]
        if Self.metaNameBytes.contains(where: { name.elementsEqual($0) }) { return false }
        return path.starts(with: Self.evidencePrefix) || globs.contains { $0.matches(path) }
    }

    private static let metaNameBytes = metaNames.map { Array($0.utf8) }
    private static let evidencePrefix = Array((evidenceFolder + "/").utf8)
}

/// Recognises unsmudged Git LFS pointer files.
enum LFSPointer {
    static let header = Array("version https://git-lfs.github.com/spec/v1".utf8)

    static func isPointer(_ bytes: [UInt8]) -> Bool {
        guard bytes.count < 1024, bytes.starts(with: header) else { return false }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("\noid sha256:") && text.contains("\nsize ")
    }
}
