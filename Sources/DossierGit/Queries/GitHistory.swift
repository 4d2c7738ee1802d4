/// The newest commit that changed each path, read in one pass over the history.
///
/// Uses `log -z --name-only` with a header that holds no free text, so a commit message cannot forge a
/// separator; authors are looked up per hash afterwards.
public struct GitHistory: Sendable {
    public struct Commit: Sendable, Hashable, Codable {
        public var hash: String
        public var committerTime: Int64
        public var authorTime: Int64
        public var author: String

        public init(hash: String, committerTime: Int64, authorTime: Int64, author: String) {
            self.hash = hash
            self.committerTime = committerTime
            self.authorTime = authorTime
            self.author = author
        }
    }

    /// Workspace-relative path bytes → the newest commit that changed it.
    public private(set) var newest: [[UInt8]: Commit] = [:]

    public init() {}

    init(newest: [[UInt8]: Commit]) { self.newest = newest }

    /// `read` for `repository`'s HEAD, answered from the `GitHistoryCache` when it holds this exact history
    /// (and stored there otherwise).
    public static func read(_ git: Git, pathspecs: [String], repository: GitRepository) throws -> GitHistory {
        let key = GitHistoryCache.key(repository, pathspecs: pathspecs)
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
        let authors = try readAuthors(git, Set(history.newestHashes))
        for (path, commit) in history.newest {
            let (ct, at) = headers[commit.hash] ?? (0, 0)
            history.newest[path] = Commit(
                hash: commit.hash, committerTime: ct, authorTime: at, author: authors[commit.hash] ?? "")
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

    /// `Name <email>` for each hash, in one git process.
    static func readAuthors(_ git: Git, _ hashes: Set<String>) throws -> [String: String] {
        guard !hashes.isEmpty else { return [:] }
        let input = Array(hashes.sorted().joined(separator: "\n").utf8) + [10]
        let output = try git.run(
            ["log", "--no-walk=unsorted", "--stdin", "-z", "--format=format:%H %an <%ae>"], stdin: input)
        var result: [String: String] = [:]
        for field in output.nulFields() where field.count > 41 {
            let text = String(decoding: field, as: UTF8.self)
            guard let space = text.firstIndex(of: " ") else { continue }
            result[String(text[..<space])] = String(text[text.index(after: space)...])
        }
        return result
    }
}
