/// The newest commit of each evidence path for one exact history, remembered in
/// `<git folder>/dossier/history-cache`, so that `check`, `build` and `bundle` on an unchanged HEAD skip
/// the slowest git call: `git log` over the whole history (0.3 s on a 2,000-commit, 20,000-file repository).
///
/// The key is HEAD's commit id together with everything else that shapes that answer: the workspace's place
/// in the repository, the pathspecs, git's setup (executable, environment, configuration, grafts,
/// shallow list and replace refs; see `TreeDigest.addGitSetup`) and the SSH allowed-signers file that
/// decides each commit's `%G?` (the configuration names it; its contents can change on their own). A commit id names its whole history, so an
/// entry is never stale; one history is kept, and a new HEAD replaces it. A missing, oversized or malformed
/// cache is ignored, and a run that cannot write it only loses time.
public enum GitHistoryCache {
    static let fileName = "history-cache"
    static let header = "dossier history-cache 2 "
    static let maxBytes = 64 << 20

    /// The key of `repository`'s history over `pathspecs`; nil without a commit or a git folder.
    static func key(_ repository: GitRepository, pathspecs: [String], allowedSigners: String?) -> String? {
        guard let head = repository.head, let gitDirectory = repository.gitDirectory,
            let common = repository.commonDirectory
        else { return nil }
        var digest = TreeDigest()
        digest.add("format", header + DossierVersion.current)
        digest.add("head", head)
        digest.add("topLevel", repository.topLevel)
        digest.add("prefix", repository.prefix)
        digest.add("pathspecs", pathspecs.joined(separator: "\u{0}"))
        digest.addEntry("allowedSigners", absolute: allowedSigners ?? "-", followingLinks: true)
        guard digest.addGitSetup(gitDirectory: gitDirectory, commonDirectory: common) else { return nil }
        return digest.finalize()
    }

    static func load(gitDirectory: String, key: String) -> GitHistory? {
        guard let bytes = GitFolderFile.read(gitDirectory: gitDirectory, name: fileName, maxBytes: maxBytes) else {
            return nil
        }
        return parse(bytes, key: key)
    }

    static func save(gitDirectory: String, key: String, history: GitHistory) {
        GitFolderFile.write(gitDirectory: gitDirectory, name: fileName, bytes: serialized(history, key: key))
    }

    /// `header key \n`, then per path in byte order: `path NUL hash SP committer-time SP author-time SP
    /// parent-time-or-dash SP %G? NUL author NUL signer NUL fingerprint NUL` (paths may hold any byte but
    /// NUL; git never puts a NUL in the others).
    package static func serialized(_ history: GitHistory, key: String) -> [UInt8] {
        var out = Array((header + key + "\n").utf8)
        for path in history.newest.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let commit = history.newest[path]!
            out += path
            out.append(0)
            let parent = commit.parentTime.map(String.init) ?? "-"
            out +=
                "\(commit.hash) \(commit.committerTime) \(commit.authorTime) \(parent) \(commit.signature.status)".utf8
            for text in [commit.author, commit.signature.signer, commit.signature.fingerprint] {
                out.append(0)
                out += text.utf8
            }
            out.append(0)
        }
        return out
    }

    /// The history stored under `key`; nil for another key or anything malformed.
    package static func parse(_ bytes: [UInt8], key: String) -> GitHistory? {
        let head = Array((header + key + "\n").utf8)
        guard bytes.starts(with: head) else { return nil }
        let fields = bytes[head.count...].split(separator: 0, omittingEmptySubsequences: false)
        guard fields.count % 5 == 1, fields.last?.isEmpty == true else { return nil }
        var newest: [[UInt8]: GitHistory.Commit] = [:]
        newest.reserveCapacity(fields.count / 5)
        var index = fields.startIndex
        let text = { (index: Int) in String(decoding: fields[index], as: UTF8.self) }
        while index + 4 < fields.endIndex {
            let path = fields[index]
            let parts = fields[index + 1].split(separator: 32, omittingEmptySubsequences: false)
            defer { index += 5 }
            guard !path.isEmpty, parts.count == 5, parts[0].count == 40 || parts[0].count == 64,
                parts[0].allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }),
                let committerTime = Int64(String(decoding: parts[1], as: UTF8.self)),
                let authorTime = Int64(String(decoding: parts[2], as: UTF8.self)),
                parts[3].elementsEqual("-".utf8) || Int64(String(decoding: parts[3], as: UTF8.self)) != nil,
                parts[4].count == 1,
                newest.updateValue(
                    GitHistory.Commit(
                        hash: String(decoding: parts[0], as: UTF8.self), committerTime: committerTime,
                        authorTime: authorTime, author: text(index + 2),
                        signature: CommitSignature(
                            status: String(decoding: parts[4], as: UTF8.self), signer: text(index + 3),
                            fingerprint: text(index + 4)),
                        parentTime: Int64(String(decoding: parts[3], as: UTF8.self))),
                    forKey: Array(path)) == nil
            else { return nil }
        }
        return GitHistory(newest: newest)
    }
}
