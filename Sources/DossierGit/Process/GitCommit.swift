import Foundation

/// Commits files Dossier wrote (collected evidence and its provenance) and nothing else.
///
/// Paths are given to git literally (`--literal-pathspecs`), so a file name holding `*` or `:(` is never a
/// pattern. The identity is git's own configuration (and `GIT_AUTHOR_*` / `GIT_COMMITTER_*`), unless an
/// identity `Name <email>` is given (`DOSSIER_COMMIT_AUTHOR`): it is then both author and committer, whatever
/// the environment says. Hooks never run (`Git` points
/// `core.hooksPath` at /dev/null); signing follows the repository's configuration (`commit.gpgSign`).
public struct GitCommit: Sendable {
    public var git: Git

    public init(git: Git) { self.git = git }

    /// Paths (relative to the repository's top level) with changes in the index.
    public func stagedPaths() throws -> [String] {
        let out = try git.run(["diff", "--cached", "--name-only", "--no-renames", "-z"])
        return out.nulFields().filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Stages exactly `paths` (relative to `git.directory`) and commits them; returns the new commit's id.
    public func commit(paths: [String], message: String, identity: (name: String, email: String)? = nil) throws
        -> String
    {
        _ = try git.run(["--literal-pathspecs", "add", "--"] + paths)
        var overrides: [String: String] = [:]
        if let identity {
            for role in ["AUTHOR", "COMMITTER"] {
                overrides["GIT_\(role)_NAME"] = identity.name
                overrides["GIT_\(role)_EMAIL"] = identity.email
            }
        }
        _ = try git.run(
            ["--literal-pathspecs", "commit", "--quiet", "--no-edit", "--file=-", "--"] + paths,
            stdin: Array(message.utf8), overrides: overrides)
        return try git.text(["rev-parse", "--verify", "HEAD"])
    }

    /// `Name <email>` split in two; nil when it is not written that way.
    public static func identity(_ text: String) -> (name: String, email: String)? {
        guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        guard !name.isEmpty, email.contains("@"), !email.contains(where: { $0 == "<" || $0 == ">" || $0 == "\n" })
        else { return nil }
        return (name, email)
    }
}
