import DossierCore
import DossierGit

/// What git says about the workspace documents a bundle ships besides evidence (the control map,
/// narratives, collection dates): committed mode, working-tree state, newest commit. Three git calls.
struct DocumentFacts {
    var tree: [[UInt8]: GitTreeEntry] = [:]
    var status: [[UInt8]: GitStatus.State] = [:]
    var history = GitHistory()

    static func read(root: String, paths: [String]) throws -> DocumentFacts {
        guard let git = Git(directory: root) else { throw BundleError.failed("git is not installed") }
        let repository = try GitRepository.open(git)
        var facts = DocumentFacts()
        for entry in try GitTreeEntry.list(git, pathspecs: paths) { facts.tree[entry.path] = entry }
        facts.status = try GitStatus.read(git, prefix: repository.prefix, pathspecs: paths).states
        facts.history = try GitHistory.read(git, pathspecs: paths)
        return facts
    }
}
