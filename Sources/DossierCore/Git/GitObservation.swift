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

    /// The repository's shared folder (the main one's `.git` for a linked work tree), where refs, the shallow
    /// list and the repository configuration live.
    public var commonDirectory: String? {
        guard let gitDirectory else { return nil }
        guard let bytes = try? SafeFile(root: gitDirectory, path: Array("commondir".utf8)).prefix(4096) else {
            return gitDirectory
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.hasPrefix("/") ? text : gitDirectory + "/" + text
    }

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
