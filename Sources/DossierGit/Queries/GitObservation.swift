import Foundation

/// What git said about a workspace during a run: the repository, HEAD, and a digest of `git status` over the
/// evidence pathspecs. Two runs with equal observations saw the same commits, index and working-tree state
/// (as git reports it) for the evidence.
public struct GitObservation: Sendable {
    public var repository: GitRepository
    public var pathspecs: [String]
    public var statusDigest: String

    public init(repository: GitRepository, pathspecs: [String], status: GitStatus) {
        self.repository = repository
        self.pathspecs = pathspecs
        statusDigest = status.outputDigest
    }

    public var gitDirectory: String? { repository.gitDirectory }

    /// The repository's shared folder (see `GitRepository.commonDirectory`).
    public var commonDirectory: String? { repository.commonDirectory }

    /// Adds everything observed to a digest.
    public func feed(_ digest: inout TreeDigest) {
        digest.add("git.topLevel", repository.topLevel)
        digest.add("git.prefix", repository.prefix)
        digest.add("git.shallow", String(repository.isShallow))
        digest.add("git.head", repository.head ?? "-")
        digest.add("git.branch", repository.branch ?? "-")
        digest.add("git.dir", repository.gitDirectory ?? "-")
        digest.add("git.pathspecs", pathspecs.joined(separator: "\u{0}"))
        digest.add("git.status", statusDigest)
    }
}
