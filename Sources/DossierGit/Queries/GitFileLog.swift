import Foundation

/// Every commit that changed each of a few files, newest first, and their committed text at any of them:
/// what the registers need to date a register's last review and to see a policy edited after its approval.
///
/// One `log -z --name-only` pass over the given pathspecs (a header without free text, as ``GitHistory``) and
/// one `cat-file --batch` process for the versions asked for; small files only (registers and policies).
public struct GitFileLog: Sendable {
    public struct Change: Sendable, Hashable {
        public var hash: String
        /// Seconds since the epoch; the author time is what a person sets with the commit (`git commit
        /// --date`), the committer time what git records when the commit is made or rewritten.
        public var committerTime: Int64
        public var authorTime: Int64
    }

    /// Workspace-relative path → the commits that changed it, newest first.
    public private(set) var changes: [String: [Change]] = [:]
    let git: Git?

    public init() { git = nil }

    /// The log of `pathspecs` (workspace-relative files or folders) in `git`'s work tree.
    public static func read(_ git: Git, pathspecs: [String]) throws -> GitFileLog {
        var log = GitFileLog(git: git)
        guard !pathspecs.isEmpty else { return log }
        let output = try git.run(
            ["log", "-z", "--relative", "--no-renames", "--name-only", "--format=format:C %H %ct %at", "--"]
                + pathspecs.map { ":(literal)" + $0 })
        log.changes = parse(output)
        return log
    }

    init(git: Git?) { self.git = git }

    /// Parses the output of `log -z --name-only --format=format:C %H %ct %at`.
    package static func parse(_ output: [UInt8]) -> [String: [Change]] {
        var changes: [String: [Change]] = [:]
        var current: Change?
        var expectHeader = true
        func record(_ field: ArraySlice<UInt8>) {
            guard let current, !field.isEmpty else { return }
            changes[String(decoding: field, as: UTF8.self), default: []].append(current)
        }
        for field in output.nulFields() {
            if expectHeader {
                guard !field.isEmpty else { continue }
                let newline = field.firstIndex(of: 10)
                let header = field[field.startIndex..<(newline ?? field.endIndex)].split(separator: 32)
                guard header.count == 4, header[0].elementsEqual("C".utf8),
                    let ct = Int64(String(decoding: header[2], as: UTF8.self)),
                    let at = Int64(String(decoding: header[3], as: UTF8.self))
                else { continue }
                current = Change(
                    hash: String(decoding: header[1], as: UTF8.self), committerTime: ct, authorTime: at)
                if let newline {
                    expectHeader = false
                    record(field[(newline + 1)...])
                }
            } else if field.isEmpty {
                expectHeader = true
            } else {
                record(field)
            }
        }
        return changes
    }

    /// The committed bytes of `path` at each of `hashes` (at most `limit` bytes each; larger or absent
    /// versions are left out), in one git process.
    public func versions(of path: String, at hashes: [String], limit: Int = 1 << 20) -> [String: [UInt8]] {
        // `cat-file --batch` reads one name per line: a path with a line break cannot be asked for.
        guard let git, !hashes.isEmpty, !path.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else {
            return [:]
        }
        let input = Array(hashes.map { "\($0):\(path)" }.joined(separator: "\n").utf8) + [10]
        guard let output = try? git.run(["cat-file", "--batch"], stdin: input) else { return [:] }
        var result: [String: [UInt8]] = [:]
        var position = 0
        for hash in hashes {
            // `<oid> blob <size>\n<bytes>\n`, or `<name> missing\n`.
            guard let end = output[position...].firstIndex(of: 10) else { break }
            let header = String(decoding: output[position..<end], as: UTF8.self).split(separator: " ")
            position = end + 1
            guard header.count == 3, header[1] == "blob", let size = Int(header[2]),
                position + size <= output.count
            else { continue }
            if size <= limit { result[hash] = Array(output[position..<(position + size)]) }
            position += size + 1
        }
        return result
    }
}
