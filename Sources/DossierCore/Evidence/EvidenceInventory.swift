import DossierGit

/// Every evidence file of a workspace, sorted by path bytes, with the git context it was read in.
public struct EvidenceInventory: Sendable {
    public var files: [EvidenceFile]
    public var git: GitContext
    /// What git answered while the inventory was built (nil outside a work tree or when git failed).
    public var observation: GitObservation?

    public init(files: [EvidenceFile], git: GitContext) {
        self.files = files.sorted { $0.path.lexicographicallyPrecedes($1.path) }
        self.git = git
    }

    /// The files a glob matches, in path order.
    public func files(matching glob: Glob) -> [EvidenceFile] {
        indices(matching: glob).map { files[$0] }
    }

    /// Indices into `files` of the files a glob matches. Uses the glob's search prefix to look only at the
    /// files of its folder whose names start as it does (files are sorted by path bytes: one contiguous run).
    public func indices(matching glob: Glob) -> [Int] {
        let prefix = glob.searchPrefix
        var low = 0
        var high = files.count
        while low < high {
            let mid = (low + high) / 2
            if files[mid].path.lexicographicallyPrecedes(prefix) { low = mid + 1 } else { high = mid }
        }
        var result: [Int] = []
        var index = low
        while index < files.count, files[index].path.starts(with: prefix) {
            if glob.matches(files[index].path) { result.append(index) }
            index += 1
        }
        return result
    }
}

/// How the workspace relates to git: the commit readiness was judged at, or why dates are unknown.
public struct GitContext: Sendable, Codable {
    public var isWorkTree: Bool
    public var head: String?
    public var branch: String?
    public var isShallow: Bool
    /// Whether anything under the evidence paths is modified, staged or untracked.
    public var isDirty: Bool
    /// The work tree's absolute git folder, where `DigestCache` lives.
    public var gitDirectory: String?

    public init(
        isWorkTree: Bool, head: String? = nil, branch: String? = nil, isShallow: Bool = false, isDirty: Bool = false,
        gitDirectory: String? = nil
    ) {
        self.isWorkTree = isWorkTree
        self.head = head
        self.branch = branch
        self.isShallow = isShallow
        self.isDirty = isDirty
        self.gitDirectory = gitDirectory
    }
}
