import DossierCore
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
        let sorted = entries.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return Array(sorted.map { "\($0.digest)  \($0.path)\n" }.joined().utf8)
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
