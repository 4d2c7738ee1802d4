import DossierGit

/// git's answers and Dossier's files under `.git/dossier`; the first byte picks the parser, the rest is its
/// input. A repository's owner can write anything into these (and git quotes nothing with `-z`): never a crash,
/// and each cache reads back what it writes.
enum GitParsersTarget {
    /// The history cache key the seeds use (`dossier history-cache 1 fuzz`).
    static let cacheKey = "fuzz"

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        switch selector % 5 {
        case 0:
            let (history, headers) = GitHistory.parse(log: input)
            for commit in history.newest.values {
                require(headers[commit.hash] != nil, "path attributed to \(commit.hash), which had no header")
            }
        case 1:
            let status = GitStatus.parse(input, prefix: selector & 0x80 == 0 ? "" : "evidence/")
            require(status.outputDigest.utf8.count == 64, "status digest `\(status.outputDigest)`")
        case 2:
            for entry in GitTreeEntry.parse(input) {
                require(!entry.path.contains(0), "a tree path holds a NUL")
            }
        case 3:
            guard let history = GitHistoryCache.parse(input, key: cacheKey) else { return }
            let written = GitHistoryCache.serialized(history, key: cacheKey)
            require(
                GitHistoryCache.parse(written, key: cacheKey)?.newest == history.newest,
                "the history cache does not read back what it writes")
        default:
            guard let cache = DigestCache.parse(input) else { return }
            let written = cache.serialized()
            require(
                DigestCache.parse(written)?.serialized() == written,
                "the digest cache does not read back what it writes")
        }
    }
}
