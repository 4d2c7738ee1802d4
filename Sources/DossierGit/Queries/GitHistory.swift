import Foundation

/// The newest commit that changed each path, read in one pass over the history.
///
/// Uses `log -z --name-only` with a header that holds no free text, so a commit message cannot forge a
/// separator; authors and signatures are looked up per hash afterwards in one more git process, and the
/// parents' commit times in a third: three processes whatever the number of files.
public struct GitHistory: Sendable {
    public struct Commit: Sendable, Hashable, Codable {
        public var hash: String
        public var committerTime: Int64
        public var authorTime: Int64
        public var author: String
        public var signature: CommitSignature
        /// The newest committer time of the commit's parents; nil for a root commit.
        public var parentTime: Int64?

        public init(
            hash: String, committerTime: Int64, authorTime: Int64, author: String,
            signature: CommitSignature = .unsigned, parentTime: Int64? = nil
        ) {
            self.hash = hash
            self.committerTime = committerTime
            self.authorTime = authorTime
            self.author = author
            self.signature = signature
            self.parentTime = parentTime
        }

        /// Whether git's dates say the commit was written long after the date it claims: dated (author or
        /// committer) before its parent was committed, or authored more than `maxLagDays` days before it
        /// was committed. Anyone can set `GIT_AUTHOR_DATE`; this is what an auditor looks for.
        public func isBackdated(maxLagDays: Int) -> Bool {
            if let parentTime, min(authorTime, committerTime) < parentTime { return true }
            return committerTime - authorTime > Int64(maxLagDays) * 86_400
        }
    }

    /// Workspace-relative path bytes → the newest commit that changed it.
    public private(set) var newest: [[UInt8]: Commit] = [:]

    public init() {}

    init(newest: [[UInt8]: Commit]) { self.newest = newest }

    /// `read` for `repository`'s HEAD, answered from the `GitHistoryCache` when it holds this exact history
    /// (and stored there otherwise).
    public static func read(_ git: Git, pathspecs: [String], repository: GitRepository) throws -> GitHistory {
        let key = GitHistoryCache.key(
            repository, pathspecs: pathspecs,
            allowedSigners: try? git.text(["config", "--path", "--get", "gpg.ssh.allowedSignersFile"]))
        if let key, let gitDirectory = repository.gitDirectory,
            let cached = GitHistoryCache.load(gitDirectory: gitDirectory, key: key)
        {
            return cached
        }
        let history = try read(git, pathspecs: pathspecs)
        if let key, let gitDirectory = repository.gitDirectory {
            GitHistoryCache.save(gitDirectory: gitDirectory, key: key, history: history)
        }
        return history
    }

    /// `paths` limits the walk to what is needed (workspace-relative pathspecs); stops attributing a path
    /// after its first (newest) appearance.
    public static func read(_ git: Git, pathspecs: [String]) throws -> GitHistory {
        let output = try git.run(
            ["log", "-z", "--relative", "--no-renames", "--name-only", "--format=format:C %H %ct %at", "--"]
                + pathspecs.map { ":(literal)" + $0 })
        var (history, headers) = parse(log: output)
        let details = try readDetails(git, Set(history.newestHashes))
        let parentTimes = try readCommitTimes(git, Set(details.values.flatMap(\.parents)))
        for (path, commit) in history.newest {
            let (ct, at) = headers[commit.hash] ?? (0, 0)
            let detail = details[commit.hash]
            history.newest[path] = Commit(
                hash: commit.hash, committerTime: ct, authorTime: at, author: detail?.author ?? "",
                signature: detail?.signature ?? .unsigned,
                parentTime: detail?.parents.compactMap { parentTimes[$0] }.max())
        }
        return history
    }

    /// Parses `log -z --name-only --format=format:C %H %ct %at` output: the newest commit of each path (without
    /// times or authors) and the times of every commit header seen. Malformed headers are skipped.
    package static func parse(log output: [UInt8]) -> (GitHistory, headers: [String: (Int64, Int64)]) {
        var history = GitHistory()
        var headers: [String: (Int64, Int64)] = [:]
        var current: String?
        var expectHeader = true
        for field in output.nulFields() {
            if expectHeader {
                guard !field.isEmpty else { continue }
                let newline = field.firstIndex(of: 10)
                let header = field[field.startIndex..<(newline ?? field.endIndex)].split(separator: 32)
                guard header.count == 4, header[0].elementsEqual("C".utf8),
                    let ct = Int64(String(decoding: header[2], as: UTF8.self)),
                    let at = Int64(String(decoding: header[3], as: UTF8.self))
                else { continue }
                let hash = String(decoding: header[1], as: UTF8.self)
                headers[hash] = (ct, at)
                current = hash
                if let newline {
                    expectHeader = false
                    history.record(Array(field[(newline + 1)...]), hash)
                }
            } else if field.isEmpty {
                expectHeader = true
            } else if let current {
                history.record(Array(field), current)
            }
        }
        return (history, headers)
    }

    private var newestHashes: [String] { newest.values.map(\.hash) }

    private mutating func record(_ path: [UInt8], _ hash: String) {
        if newest[path] == nil {
            newest[path] = Commit(hash: hash, committerTime: 0, authorTime: 0, author: "")
        }
    }

    struct Detail {
        var author: String
        var signature: CommitSignature
        var parents: [String]
    }

    /// `Name <email>`, the signature as git checks it, and the parents, for each hash, in one git process.
    /// Every field is NUL-terminated (git never puts a NUL in any of them), six per commit.
    static func readDetails(_ git: Git, _ hashes: Set<String>) throws -> [String: Detail] {
        guard !hashes.isEmpty else { return [:] }
        let input = Array(hashes.sorted().joined(separator: "\n").utf8) + [10]
        let output = try git.run(
            [
                "log", "--no-walk=unsorted", "--stdin",
                "--format=tformat:%H%x00%an <%ae>%x00%G?%x00%GS%x00%GF%x00%P%x00",
            ],
            stdin: input)
        var fields = output.nulFields().map { String(decoding: $0, as: UTF8.self) }[...]
        var result: [String: Detail] = [:]
        while fields.count >= 6 {
            let record = Array(fields.prefix(6))
            fields = fields.dropFirst(6)
            // After the first record each hash follows the previous record's terminating newline.
            let hash = record[0].trimmingCharacters(in: .whitespacesAndNewlines)
            guard hash.count == 40 || hash.count == 64 else { continue }
            result[hash] = Detail(
                author: record[1],
                signature: CommitSignature(
                    status: record[2].isEmpty ? "N" : record[2], signer: record[3], fingerprint: record[4]),
                parents: record[5].split(separator: " ").map(String.init))
        }
        return result
    }

    /// The committer time of each hash, in one git process.
    static func readCommitTimes(_ git: Git, _ hashes: Set<String>) throws -> [String: Int64] {
        guard !hashes.isEmpty else { return [:] }
        let input = Array(hashes.sorted().joined(separator: "\n").utf8) + [10]
        let output = try git.run(["log", "--no-walk=unsorted", "--stdin", "--format=tformat:%H %ct"], stdin: input)
        var result: [String: Int64] = [:]
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ")
            if parts.count == 2, let time = Int64(parts[1]) { result[String(parts[0])] = time }
        }
        return result
    }
}
