import DossierArchive
import DossierCore
import DossierTestSupport
import Foundation
import Testing

@testable import DossierBundle

/// 2026-03-31T12:00:00Z: after every fixture commit.
let bundleTime: Int64 = 1_774_958_400

func assess(_ repo: GitFixture) -> Assessment {
    AssessmentPipeline(workspace: Workspace(path: repo.path), today: CalendarDay(iso: "2026-03-31")!).run()
}

/// Bundles `repo` into a fresh output folder.
func bundle(
    _ repo: GitFixture, format: ArchiveFormat = .zip, allowDirty: Bool = false, allowSecrets: Bool = false,
    time: Int64 = bundleTime,
    site: @escaping SiteRendering = { _ in sitePages([]) }, progress: ((BundleProgress) -> Void)? = nil
) throws -> BundleResult {
    let assessment = assess(repo)
    #expect(assessment.isValid, "\(assessment.diagnostics)")
    let output = outputFolder()
    return try Bundler(
        assessment: assessment,
        options: BundleOptions(
            format: format, outputDirectory: output, allowDirty: allowDirty, allowSecrets: allowSecrets, time: time),
        renderSite: site, progress: progress
    ).write()
}

/// A fresh folder for one bundle. Tests read archives after the workspace fixture is gone, so bundles live
/// under one folder per test process, removed when the process exits.
func outputFolder() -> String {
    _ = removeOutputsAtExit
    let path = outputRoot() + "/" + UUID().uuidString.prefix(8)
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

private func outputRoot() -> String {
    FileManager.default.temporaryDirectory.path + "/dossier-bundle-tests-\(getpid())"
}

private let removeOutputsAtExit: Void = {
    atexit { try? FileManager.default.removeItem(atPath: outputRoot()) }
}()

/// An archive entry read back into memory.
struct ReadEntry {
    var header: ArchiveEntryHeader
    var bytes: [UInt8]
}

func readArchive(_ path: String) throws -> [ReadEntry] {
    let reader = try ArchiveReader(path: path)
    var result: [ReadEntry] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while let header = try reader.nextEntry() {
        var bytes: [UInt8] = []
        while true {
            let n = try buffer.withUnsafeMutableBytes { try reader.read(into: $0) }
            if n == 0 { break }
            bytes += buffer[..<n]
        }
        result.append(ReadEntry(header: header, bytes: bytes))
    }
    try reader.close()
    return result
}

/// Writes a copy of a bundle with its entries changed by `transform` (which sees the entries in order and
/// returns the ones to write), so that verify can be tested against each kind of tampering.
func rewrite(_ path: String, format: ArchiveFormat, _ transform: ([ReadEntry]) -> [ReadEntry]) throws -> String {
    let entries = transform(try readArchive(path))
    let copy = path + ".tampered." + format.fileExtension
    _ = FileManager.default.createFile(atPath: copy, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: copy))
    let writer = try ArchiveWriter(format: format) { handle.write(Data($0)) }
    for entry in entries {
        let name = entry.header.path.hasSuffix("/") ? String(entry.header.path.dropLast()) : entry.header.path
        if entry.header.type == .directory {
            try writer.addDirectory(path: name, modificationTime: entry.header.modificationTime)
        } else {
            try writer.addFile(path: name, contents: entry.bytes, modificationTime: entry.header.modificationTime)
        }
    }
    try writer.finish()
    try handle.close()
    return copy
}

extension ReadEntry {
    /// The path inside the bag folder (`data/…`, `bagit.txt`), "" for the folder.
    var relative: String {
        let path = header.path.hasSuffix("/") ? String(header.path.dropLast()) : header.path
        guard let slash = path.firstIndex(of: "/") else { return "" }
        return String(path[path.index(after: slash)...])
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension Array where Element == ReadEntry {
    subscript(relative: String) -> ReadEntry? { first { $0.relative == relative } }
}
