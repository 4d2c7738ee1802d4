import Crypto
import DossierCore
import DossierGit

/// The checksum algorithms of a Dossier bag: both payload and tag manifests exist for each.
///
/// SHA-512 is RFC 8493's recommended default; SHA-256 is what auditors' tools (`sha256sum`, `Get-FileHash`)
/// print by default.
public enum DigestAlgorithm: String, Sendable, CaseIterable, Codable {
    case sha256, sha512

    public var manifestName: String { "manifest-\(rawValue).txt" }
    public var tagManifestName: String { "tagmanifest-\(rawValue).txt" }
    /// Length of the lowercase hex digest.
    public var hexLength: Int { self == .sha256 ? 64 : 128 }
}

/// SHA-256 and SHA-512 of the same bytes, computed in one pass.
public struct DigestPair: Sendable {
    private var sha256 = SHA256()
    private var sha512 = SHA512()

    public init() {}

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        sha256.update(bufferPointer: bytes)
        sha512.update(bufferPointer: bytes)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    public func finalize() -> Digests {
        Digests(sha256: Hex.string(sha256.finalize()), sha512: Hex.string(sha512.finalize()))
    }

    public static func of(_ bytes: [UInt8]) -> Digests {
        var pair = DigestPair()
        pair.update(bytes)
        return pair.finalize()
    }
}

/// Lowercase hex digests of one file.
public struct Digests: Sendable, Hashable, Codable {
    public var sha256: String
    public var sha512: String

    public subscript(_ algorithm: DigestAlgorithm) -> String {
        algorithm == .sha256 ? sha256 : sha512
    }
}
