import Crypto
import DossierGit
import Foundation

/// Test outcomes remembered in `<git folder>/dossier/tests-cache`, so that an unchanged workspace does not
/// read its evidence again.
///
/// The key is a SHA-256 over everything an outcome depends on: the file's git blob id and size (as in
/// ``DigestCache``), its format, its evidence date (`within_days`), each test's definition, the blob ids
/// of the files `covers` tests compared against, and the bounds the file was judged under. A changed file,
/// test, date, reference or bound is a new key.
/// Entries are not trusted blindly: each line carries a SHA-256 of its key and payload, the payload must
/// decode to one consistent outcome per test, and a file that fails any check is dropped whole (and
/// rewritten on the next save). Only committed files git reports unchanged are looked up.
struct EvidenceTestCache {
    static let fileName = "tests-cache"
    static let header = "dossier tests-cache 1\n"
    static let maxBytes = 64 << 20
    static let maxEntries = 100_000

    private(set) var entries: [String: [TestOutcome]] = [:]
    private(set) var changed = false

    init() {}

    subscript(key: String) -> [TestOutcome]? { entries[key] }

    mutating func learn(_ key: String, _ outcomes: [TestOutcome]) {
        if entries[key] != outcomes { changed = true }
        entries[key] = outcomes
    }

    /// The key of one file judged by `definitions` (in order), with the blob ids of its `covers` references.
    static func key(
        blob: String, size: Int64, format: EvidenceFormat, date: CalendarDay?, definitions: [String],
        references: [String], limits: EvidenceTestLimits = .default
    ) -> String {
        var hasher = SHA256()
        let bounds = [
            limits.maxRecordBytes, limits.maxCells, limits.maxJSONBytes, limits.maxYAMLBytes, limits.maxDistinctValues,
            LinearRegex.maxSteps,
        ].map(String.init).joined(separator: " ")
        let parts =
            ["v1", bounds, blob, String(size), format.rawValue, date?.description ?? "-"] + definitions + ["--"]
            + references
        for part in parts {
            hasher.update(data: Array(part.utf8) + [0])
        }
        return Hex.string(hasher.finalize())
    }

    static func load(gitDirectory: String) -> EvidenceTestCache {
        guard let bytes = GitFolderFile.read(gitDirectory: gitDirectory, name: fileName, maxBytes: maxBytes) else {
            return EvidenceTestCache()
        }
        return parse(bytes) ?? EvidenceTestCache()
    }

    /// nil unless every line is `<key> <sha256 of key and payload> <base64 JSON payload>` and each payload
    /// decodes to consistent outcomes.
    static func parse(_ bytes: [UInt8]) -> EvidenceTestCache? {
        let head = Array(header.utf8)
        guard bytes.starts(with: head), bytes.last == 10 || bytes.count == head.count else { return nil }
        var cache = EvidenceTestCache()
        let decoder = JSONDecoder()
        for line in bytes[head.count...].split(separator: 10) {
            let fields = line.split(separator: 32, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].count == 64, fields[1].count == 64 else { return nil }
            let key = String(decoding: fields[0], as: UTF8.self)
            let payload = Array(fields[2])
            guard String(decoding: fields[1], as: UTF8.self) == checksum(key, payload),
                let json = Data(base64Encoded: Data(payload)),
                let outcomes = try? decoder.decode([TestOutcome].self, from: json),
                outcomes.allSatisfy(\.isConsistent)
            else { return nil }
            cache.entries[key] = outcomes
        }
        return cache
    }

    static func checksum(_ key: String, _ payload: [UInt8]) -> String {
        Hex.string(SHA256.hash(data: Array(key.utf8) + [32] + payload))
    }

    func serialized(keeping used: Set<String>) -> [UInt8] {
        var keys = Array(entries.keys)
        if keys.count > Self.maxEntries { keys = keys.filter { used.contains($0) } }
        keys.sort()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var out = Array(Self.header.utf8)
        for key in keys {
            guard let json = try? encoder.encode(entries[key]!) else { continue }
            let payload = Array(json.base64EncodedString().utf8)
            out += key.utf8
            out.append(32)
            out += Self.checksum(key, payload).utf8
            out.append(32)
            out += payload
            out.append(10)
        }
        return out
    }

    func save(gitDirectory: String, used: Set<String>) {
        GitFolderFile.write(gitDirectory: gitDirectory, name: Self.fileName, bytes: serialized(keeping: used))
    }
}
