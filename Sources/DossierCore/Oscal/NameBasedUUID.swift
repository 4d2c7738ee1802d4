import Crypto

/// RFC 9562 (formerly 4122) name-based UUIDs, version 5 (SHA-1): the same namespace and name always give the
/// same UUID, so two OSCAL exports of the same commit and as-of day are identical byte for byte.
public struct NameBasedUUID: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// The RFC's URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    public static let urlNamespace = NameBasedUUID(
        bytes: [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8])

    /// Dossier's namespace for OSCAL documents: the v5 UUID of a URL in the URL namespace.
    public static let dossier = NameBasedUUID(namespace: .urlNamespace, name: "https://dossier.invalid/oscal")

    init(bytes: [UInt8]) { self.bytes = bytes }

    public init(namespace: NameBasedUUID, name: String) {
        var digest = Array(Insecure.SHA1.hash(data: namespace.bytes + Array(name.utf8)).prefix(16))
        digest[6] = (digest[6] & 0x0F) | 0x50  // version 5
        digest[8] = (digest[8] & 0x3F) | 0x80  // RFC variant
        bytes = digest
    }

    /// Lowercase `8-4-4-4-12` hex.
    public var description: String {
        let hex = bytes.map { String($0, radix: 16).leftPadded(2) }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }
}
