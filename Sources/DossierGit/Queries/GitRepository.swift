import Foundation

/// What Dossier needs to know about the git work tree that holds a workspace.
public struct GitRepository: Sendable {
    public var topLevel: String
    /// The workspace's folder relative to the top level, with a trailing `/`, or "" at the top.
    public var prefix: String
    public var isShallow: Bool
    /// nil in a repository without commits.
    public var head: String?
    /// nil on a detached HEAD.
    public var branch: String?
    /// The absolute git folder of this work tree (where Dossier keeps its digest cache).
    public var gitDirectory: String? = nil

    /// Describes the repository around `git.directory`.
    public static func open(_ git: Git) throws -> GitRepository {
        // One process in the usual case (a branch with commits); an unborn or ambiguous HEAD makes this fail,
        // and the answers are then asked one by one.
        if let lines = try? git.text(locating + ["HEAD", "--symbolic-full-name", "HEAD"])
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            lines.count >= 6, lines[4].count >= 40, lines[4].allSatisfy(\.isHexDigit),
            lines[5].hasPrefix("refs/heads/") || lines[5] == "HEAD"
        {
            return GitRepository(
                topLevel: lines[0], prefix: lines[1], isShallow: lines[2] == "true", head: lines[4],
                branch: lines[5] == "HEAD" ? nil : String(lines[5].dropFirst("refs/heads/".count)),
                gitDirectory: lines[3].hasPrefix("/") ? lines[3] : nil)
        }
        let lines = try git.text(locating)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else {
            throw GitError(arguments: ["rev-parse"], status: 0, message: "unexpected output from git rev-parse")
        }
        let head = try? git.text(["rev-parse", "--verify", "-q", "HEAD"])
        let branch = try? git.text(["symbolic-ref", "-q", "--short", "HEAD"])
        return GitRepository(
            topLevel: lines[0], prefix: lines[1], isShallow: lines[2] == "true",
            head: head?.isEmpty == false ? head : nil, branch: branch?.isEmpty == false ? branch : nil,
            gitDirectory: lines.count > 3 && lines[3].hasPrefix("/") ? lines[3] : nil)
    }

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

    private static let locating = [
        "rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository", "--absolute-git-dir",
    ]
}
