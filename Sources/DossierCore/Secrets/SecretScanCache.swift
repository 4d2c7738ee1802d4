import Crypto
import DossierGit

/// Secret-scan results remembered in `<git folder>/dossier/secrets-cache` by git blob id, so that `check`
/// reads a committed file for secrets once, not on every run; a file without one (the control map, narratives,
/// registers, a modified file) is keyed by `sha256:` of its content instead, so it is read but not scanned again.
///
/// The key is a SHA-256 over the scanner's rules version, the blob id, the size and whether the file is read
/// as CSV: a new rule, a changed file or a renamed `.csv` is a new key. Each line carries a SHA-256 of its
/// key and payload; a file with any line that fails to parse is dropped whole and rewritten. Blob ids are used
/// only for committed files git reports unchanged (``EvidenceDigest/cacheableBlob(_:)``).
struct SecretScanCache {
    static let fileName = "secrets-cache"
    static let header = "dossier secrets-cache 1\n"
    static let maxBytes = 32 << 20
    static let maxEntries = 200_000

    private(set) var entries: [String: [SecretScanner.Finding]] = [:]
    private(set) var changed = false

    init() {}

    subscript(key: String) -> [SecretScanner.Finding]? { entries[key] }

    mutating func learn(_ key: String, _ findings: [SecretScanner.Finding]) {
        if entries[key] != findings { changed = true }
        entries[key] = findings
    }

    static func key(blob: String, size: Int64, isCSV: Bool) -> String {
        let text = "secrets v\(SecretScanner.rulesVersion)\u{0}\(blob)\u{0}\(size)\u{0}\(isCSV ? "csv" : "text")"
        return Hex.string(SHA256.hash(data: Array(text.utf8)))
    }

    static func load(gitDirectory: String) -> SecretScanCache {
        guard let bytes = GitFolderFile.read(gitDirectory: gitDirectory, name: fileName, maxBytes: maxBytes) else {
            return SecretScanCache()
        }
        return parse(bytes) ?? SecretScanCache()
    }

    /// nil unless every line is `<key> <sha256 of key and payload> <payload>`, the payload `-` or
    /// `line:kind` pairs joined by commas.
    static func parse(_ bytes: [UInt8]) -> SecretScanCache? {
        let head = Array(header.utf8)
        guard bytes.starts(with: head), bytes.last == 10 || bytes.count == head.count else { return nil }
        var cache = SecretScanCache()
        for line in bytes[head.count...].split(separator: 10) {
            let fields = line.split(separator: 32, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].count == 64, fields[1].count == 64 else { return nil }
            let key = String(decoding: fields[0], as: UTF8.self)
            let payload = String(decoding: fields[2], as: UTF8.self)
            guard String(decoding: fields[1], as: UTF8.self) == checksum(key, payload),
                let findings = decode(payload)
            else { return nil }
            cache.entries[key] = findings
        }
        return cache
    }

    static func checksum(_ key: String, _ payload: String) -> String {
        Hex.string(SHA256.hash(data: Array("\(key) \(payload)".utf8)))
    }

    static func encode(_ findings: [SecretScanner.Finding]) -> String {
        findings.isEmpty ? "-" : findings.map { "\($0.line):\($0.kind.rawValue)" }.joined(separator: ",")
    }

    static func decode(_ payload: String) -> [SecretScanner.Finding]? {
        if payload == "-" { return [] }
        var result: [SecretScanner.Finding] = []
        for pair in payload.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let line = Int(parts[0]), line > 0,
                let kind = SecretScanner.Kind(rawValue: String(parts[1]))
            else { return nil }
            result.append(SecretScanner.Finding(line: line, kind: kind))
        }
        return result
    }

    func serialized(keeping used: Set<String>) -> [UInt8] {
        var keys = Array(entries.keys)
        if keys.count > Self.maxEntries { keys = keys.filter { used.contains($0) } }
        keys.sort()
        var out = Array(Self.header.utf8)
        for key in keys {
            let payload = Self.encode(entries[key]!)
            out += Array("\(key) \(Self.checksum(key, payload)) \(payload)\n".utf8)
        }
        return out
    }

    func save(gitDirectory: String, used: Set<String>) {
        GitFolderFile.write(gitDirectory: gitDirectory, name: Self.fileName, bytes: serialized(keeping: used))
    }
}
