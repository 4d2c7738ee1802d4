import DossierCore
import DossierGit
import Foundation

/// A payload or tag manifest: one `<hex digest>  <path>` line per file, paths relative to the bag's folder.
public struct Manifest: Sendable {
    public struct Line: Sendable, Hashable {
        public var digest: String
        public var path: String
    }

    public var lines: [Line]

    public init(lines: [Line]) { self.lines = lines }

    /// Lines sorted by the bytes of their paths. Paths never need RFC 8493's percent-encoding: names with CR,
    /// LF or `%` are refused before bagging (see ``BagPath``).
    public static func render(_ entries: [(path: String, digest: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        let sorted = sorted(entries)
        write(sorted) { bytes += $0 }
        return bytes
    }

    /// Lines in the order a manifest lists them.
    static func sorted(_ entries: [(path: String, digest: String)]) -> [(path: String, digest: String)] {
        entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }

    /// The size of the manifest of `sorted`, before it is written.
    static func size(_ sorted: [(path: String, digest: String)]) -> Int64 {
        sorted.reduce(0) { $0 + Int64($1.digest.utf8.count + $1.path.utf8.count + 3) }
    }

    /// Writes the manifest of `sorted` to `sink` in pieces of about 64 KiB (20,000 files make 4 MB of sha512).
    static func write(_ sorted: [(path: String, digest: String)], _ sink: ([UInt8]) throws -> Void) rethrows {
        var piece: [UInt8] = []
        piece.reserveCapacity(1 << 16 + 1 << 12)
        for line in sorted {
            piece += line.digest.utf8
            piece += [32, 32]
            piece += line.path.utf8
            piece.append(10)
            if piece.count >= 1 << 16 {
                try sink(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        if !piece.isEmpty { try sink(piece) }
    }

    /// Parses a manifest; `problems` gets one message per line that is not `<digest> <path>` with a digest
    /// of the algorithm's length.
    public static func parse(_ bytes: [UInt8], algorithm: DigestAlgorithm, problems: inout [String]) -> Manifest {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            problems.append("is not UTF-8")
            return Manifest(lines: [])
        }
        var lines: [Line] = []
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (index, line) in normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
                problems.append("line \(index + 1) is not `<checksum> <path>`")
                continue
            }
            let digest = line[..<space]
            let path = line[space...].drop { $0 == " " || $0 == "\t" }
            guard Hex.isLowercaseHex(Substring(digest.lowercased()), length: algorithm.hexLength), !path.isEmpty else {
                problems.append("line \(index + 1) is not a \(algorithm.rawValue) checksum followed by a path")
                continue
            }
            lines.append(Line(digest: digest.lowercased(), path: BagPath.decodeManifestPath(path)))
        }
        return Manifest(lines: lines)
    }
}
