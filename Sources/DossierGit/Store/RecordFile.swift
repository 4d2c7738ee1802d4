import Crypto

/// A cache file of keyed binary records in `<git folder>/dossier/`, for results that are expensive to compute
/// and cheap to describe (a narrative's links by its blob id): a header line naming the format and version,
/// then records of a 32-byte key, a payload and a SHA-256 of both.
///
/// Nothing in it is trusted: a missing, oversized or unparsable file, a bad checksum or a repeated key drops
/// the whole file (the caller works as if there were no cache and writes a new one). Records are written in
/// key order, so the same records always give the same bytes.
public struct RecordFile: Sendable {
    public static let keyBytes = 32

    /// Key (32 bytes) → payload.
    public private(set) var records: [[UInt8]: [UInt8]] = [:]

    public init() {}

    public subscript(key: [UInt8]) -> [UInt8]? {
        get { records[key] }
        set { records[key] = newValue }
    }

    /// The records of `name` in `gitDirectory`, empty when the file is missing or fails any check.
    public static func load(gitDirectory: String, name: String, header: String, maxBytes: Int) -> RecordFile {
        guard let bytes = GitFolderFile.read(gitDirectory: gitDirectory, name: name, maxBytes: maxBytes) else {
            return RecordFile()
        }
        return parse(bytes, header: header) ?? RecordFile()
    }

    /// nil unless the bytes are the header followed by whole records with good checksums and distinct keys.
    public static func parse(_ bytes: [UInt8], header: String) -> RecordFile? {
        let head = Array(header.utf8)
        guard bytes.starts(with: head) else { return nil }
        var file = RecordFile()
        var index = head.count
        while index < bytes.count {
            guard bytes.count - index >= keyBytes + 4 else { return nil }
            let key = Array(bytes[index..<(index + keyBytes)])
            index += keyBytes
            let length = bytes[index..<(index + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
            index += 4
            guard bytes.count - index >= length + keyBytes else { return nil }
            let payload = Array(bytes[index..<(index + length)])
            index += length
            guard bytes[index..<(index + keyBytes)].elementsEqual(checksum(key, payload)),
                file.records.updateValue(payload, forKey: key) == nil
            else { return nil }
            index += keyBytes
        }
        return file
    }

    /// The file's bytes: the header, then the records in key order.
    public func serialized(header: String) -> [UInt8] {
        var out = Array(header.utf8)
        for key in records.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let payload = records[key]!
            out += key
            let length = UInt32(payload.count)
            out += [UInt8(length & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length >> 16 & 0xFF), UInt8(length >> 24)]
            out += payload
            out += checksum(key, payload)
        }
        return out
    }

    /// Writes the file (a new file renamed over the old one); failures are ignored, the cache only saves time.
    public func save(gitDirectory: String, name: String, header: String) {
        GitFolderFile.write(gitDirectory: gitDirectory, name: name, bytes: serialized(header: header))
    }

    private static func checksum(_ key: [UInt8], _ payload: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: key)
        hasher.update(data: payload)
        return Array(hasher.finalize())
    }

    private func checksum(_ key: [UInt8], _ payload: [UInt8]) -> [UInt8] { Self.checksum(key, payload) }
}

/// Writes a record payload: unsigned numbers as LEB128, strings as a length and their UTF-8 bytes.
public struct RecordWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func number(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    public mutating func string(_ value: String) {
        number(value.utf8.count)
        bytes += value.utf8
    }
}

/// Reads what `RecordWriter` wrote; every read returns nil past the end or on a malformed value.
public struct RecordReader {
    private let bytes: [UInt8]
    private var index = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    public var isAtEnd: Bool { index == bytes.count }

    public mutating func number() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return Int(exactly: Int64(bitPattern: value)) }
            shift += 7
        }
        return nil
    }

    /// A count or position: a number from 0 to `limit`.
    public mutating func count(upTo limit: Int) -> Int? {
        guard let value = number(), value >= 0, value <= limit else { return nil }
        return value
    }

    public mutating func string() -> String? {
        guard let length = count(upTo: bytes.count - index) else { return nil }
        let text = String(validating: bytes[index..<(index + length)], as: UTF8.self)
        index += length
        return text
    }
}
