import Crypto
import DossierArchive
import DossierBundle
import Foundation

/// A zip or tar.gz → `dossier verify`'s report: never a crash, never extraction (the verifier only streams),
/// memory bounded by libFuzzer's `-rss_limit_mb`/`-malloc_limit_mb`, and a bag reported intact really is:
/// ``IndependentBagCheck`` re-reads it and recomputes every manifest line.
enum VerifyTarget {
    /// One scratch file per process, rewritten for each input.
    static let path =
        (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp") + "/fuzz-dossier-verify-\(getpid()).bin"

    static func run(_ bytes: [UInt8]) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            fatalError("cannot write \(path)")
        }
        defer { unlink(path) }
        guard let report = try? BundleVerifier().verify(path: path), report.intact else { return }
        if let problem = IndependentBagCheck.problem(path) {
            fatalError("fuzz property broken: verify called the bag intact, but \(problem)")
        }
    }
}

/// A second, plain reading of a bag: every payload manifest line names a file with that digest, and every
/// payload file is listed.
enum IndependentBagCheck {
    static func problem(_ path: String) -> String? {
        var files: [[UInt8]: [UInt8]] = [:]
        do {
            let reader = try ArchiveReader(path: path)
            while let header = try reader.nextEntry() {
                guard header.type == .regularFile else { continue }
                var content: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 1 << 16)
                while true {
                    let count = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
                    if count <= 0 { break }
                    content += buffer[..<count]
                }
                files[header.pathBytes] = content
            }
        } catch {
            return "it cannot be read again: \(error)"
        }
        guard let first = files.keys.first, let slash = first.firstIndex(of: UInt8(ascii: "/")) else {
            return "it has no bag folder"
        }
        let root = Array(first[...slash])
        let payload = Set(files.keys.filter { $0.starts(with: root + Array("data/".utf8)) })
        var manifests = 0
        for (name, digest) in [("sha256", digestSHA256), ("sha512", digestSHA512)] {
            guard let manifest = files[root + Array("manifest-\(name).txt".utf8)] else { continue }
            manifests += 1
            var listed = Set<[UInt8]>()
            for line in manifest.split(separator: 10) {
                let text = String(decoding: line, as: UTF8.self)
                guard let space = text.firstIndex(of: " ") else { return "manifest-\(name).txt has `\(text)`" }
                let relative = text[space...].drop { $0 == " " }
                    .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
                    .replacingOccurrences(of: "%25", with: "%")
                let file = root + Array(relative.utf8)
                guard let content = files[file] else { return "manifest-\(name).txt lists missing `\(relative)`" }
                guard digest(content) == String(text[..<space]) else {
                    return "`\(relative)` does not match manifest-\(name).txt"
                }
                listed.insert(file)
            }
            if listed != payload { return "manifest-\(name).txt does not list every payload file" }
        }
        return manifests == 0 ? "it has no payload manifest" : nil
    }

    static func digestSHA256(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }
    static func digestSHA512(_ bytes: [UInt8]) -> String { hex(SHA512.hash(data: bytes)) }
    static func hex(_ digest: some Digest) -> String { digest.map { String(format: "%02x", $0) }.joined() }
}
