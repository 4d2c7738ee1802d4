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

    /// Describes the repository around `git.directory`.
    public static func open(_ git: Git) throws -> GitRepository {
        let lines = try git.text(["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"])
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3 else {
            throw Git.Failure(arguments: ["rev-parse"], status: 0, message: "unexpected output from git rev-parse")
        }
        let head = try? git.text(["rev-parse", "--verify", "-q", "HEAD"])
        let branch = try? git.text(["symbolic-ref", "-q", "--short", "HEAD"])
        return GitRepository(
            topLevel: lines[0], prefix: lines[1], isShallow: lines[2] == "true",
            head: head?.isEmpty == false ? head : nil, branch: branch?.isEmpty == false ? branch : nil)
    }
}

/// A file in git's index (`git ls-files -s -z`).
public struct GitIndexEntry: Sendable, Hashable {
    /// Octal mode: 100644, 100755 (regular), 120000 (symlink), 160000 (submodule).
    public var mode: UInt32
    public var blob: String
    /// Workspace-relative path as bytes.
    public var path: [UInt8]

    public var isRegular: Bool { mode == 0o100644 || mode == 0o100755 }
    public var isExecutable: Bool { mode == 0o100755 }
    public var isSymlink: Bool { mode == 0o120000 }
    public var isSubmodule: Bool { mode == 0o160000 }

    /// Lists the index below the workspace folder (paths relative to it).
    public static func list(_ git: Git, pathspecs: [String] = []) throws -> [GitIndexEntry] {
        let output = try git.run(["ls-files", "-s", "-z", "--"] + pathspecs.map { ":(literal)" + $0 })
        var result: [GitIndexEntry] = []
        for field in output.nulFields() where !field.isEmpty {
            // "<mode> <blob> <stage>\t<path>"
            guard let tab = field.firstIndex(of: 9) else { continue }
            let meta = field[field.startIndex..<tab].split(separator: 32)
            guard meta.count == 3, let mode = UInt32(String(decoding: meta[0], as: UTF8.self), radix: 8) else {
                continue
            }
            // Conflicted entries appear once per stage; keep the first.
            if let last = result.last, last.path.elementsEqual(field[(tab + 1)...]) { continue }
            result.append(
                GitIndexEntry(
                    mode: mode, blob: String(decoding: meta[1], as: UTF8.self), path: Array(field[(tab + 1)...])))
        }
        return result
    }
}
