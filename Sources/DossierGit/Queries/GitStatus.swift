import Crypto

/// Files whose working-tree state differs from HEAD (`git status --porcelain=v2 -z`), keyed by path bytes.
public struct GitStatus: Sendable {
    public enum State: String, Sendable, Codable {
        case modified, staged, untracked, ignored, conflicted, deleted
    }

    /// Workspace-relative path bytes → state.
    public var states: [[UInt8]: State] = [:]
    /// SHA-256 (hex) of git's whole answer, so a later run can tell whether anything git sees changed.
    public var outputDigest = ""

    public init() {}

    /// Reads the status below the workspace for the given workspace-relative pathspecs. `prefix` is the
    /// workspace's folder inside the repository (porcelain paths are relative to the top level).
    public static func read(_ git: Git, prefix: String, pathspecs: [String]) throws -> GitStatus {
        let output = try git.run(
            ["status", "--porcelain=v2", "-z", "--untracked-files=all", "--ignored=traditional", "--no-renames", "--"]
                + pathspecs.map { ":(literal)" + $0 })
        return parse(output, prefix: prefix)
    }

    /// Parses `status --porcelain=v2 -z` output; records of other kinds, and paths outside `prefix`, are skipped.
    package static func parse(_ output: [UInt8], prefix: String) -> GitStatus {
        let prefixBytes = Array(prefix.utf8)
        var status = GitStatus()
        status.outputDigest = Hex.string(SHA256.hash(data: output))
        for field in output.nulFields() where !field.isEmpty {
            let kind = field.first!
            let (state, path): (State?, ArraySlice<UInt8>)
            switch kind {
            case UInt8(ascii: "?"), UInt8(ascii: "!"):
                state = kind == UInt8(ascii: "?") ? .untracked : .ignored
                path = field.dropFirst(2)
            case UInt8(ascii: "1"), UInt8(ascii: "u"):
                // "1 XY sub mH mI mW hH hI path" (8 fields before the path); "u" has 10.
                let skip = kind == UInt8(ascii: "1") ? 8 : 10
                guard let p = Self.afterFields(field, skip) else { continue }
                let xy = Array(field.dropFirst(2).prefix(2))
                path = p
                if kind == UInt8(ascii: "u") {
                    state = .conflicted
                } else if xy.contains(UInt8(ascii: "D")) {
                    state = .deleted
                } else if xy.last != UInt8(ascii: ".") {
                    state = .modified
                } else {
                    state = .staged
                }
            default:
                continue
            }
            guard let state, path.starts(with: prefixBytes) else { continue }
            status.states[Array(path.dropFirst(prefixBytes.count))] = state
        }
        return status
    }

    /// The rest of `field` after `count` space-separated fields.
    private static func afterFields(_ field: ArraySlice<UInt8>, _ count: Int) -> ArraySlice<UInt8>? {
        var seen = 0
        var index = field.startIndex
        while index < field.endIndex {
            if field[index] == 32 {
                seen += 1
                if seen == count { return field[(index + 1)...] }
            }
            index += 1
        }
        return nil
    }
}
