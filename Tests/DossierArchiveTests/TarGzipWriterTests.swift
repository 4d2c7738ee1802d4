import DossierArchive
import Foundation
import Testing

/// What python3's tarfile sees in an archive.
struct PythonTarEntry: Decodable {
    var name: String
    var type: String
    var mode: Int
    var uid: Int
    var gid: Int
    var uname: String
    var gname: String
    var mtime: Double
    var size: Int
    var paxKeys: [String]
    var data: [UInt8]?
}

let pythonListTar = """
    import json, sys, tarfile
    with tarfile.open(sys.argv[1], "r:*") as t:
        out = []
        for m in t.getmembers():
            f = t.extractfile(m) if m.isfile() and len(sys.argv) > 2 else None
            out.append({"name": m.name, "type": m.type.decode(), "mode": m.mode, "uid": m.uid, "gid": m.gid,
                        "uname": m.uname, "gname": m.gname, "mtime": m.mtime, "size": m.size,
                        "paxKeys": sorted(m.pax_headers.keys()), "data": list(f.read()) if f else None})
        print(json.dumps(out))
    """

@Suite("tar.gz writer")
struct TarGzipWriterTests {
    @Test("pax-restricted headers carry only name, type, mode, size, mtime and root ownership")
    func headerMetadata() throws {
        let archive = try archiveBytes(.tarGzip) { try writeSampleEntries($0, mtime: 1_700_000_000) }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(archive, name: "sample.tar.gz", in: directory)
        let entries = try pythonJSON([PythonTarEntry].self, pythonListTar, [path, "data"])
        #expect(
            entries.map(\.name) == ["bag", "bag/bagit.txt", "bag/data/run.sh", "bag/data/photo.png"])
        #expect(entries.map(\.type) == ["5", "0", "0", "0"], "directory, then regular files")
        #expect(entries.map(\.mode) == [0o755, 0o644, 0o755, 0o644])
        #expect(
            entries.allSatisfy { $0.uid == 0 && $0.gid == 0 && $0.uname == "root" && $0.gname == "root" })
        #expect(entries.map(\.mtime) == [1_700_000_000, 1_700_000_000, 1_700_000_001, 1_700_000_002])
        #expect(
            entries.allSatisfy { $0.paxKeys.isEmpty },
            "no pax records (atime, ctime, …) for plain ASCII entries")
        #expect(entries[3].data == pseudoRandomBytes(count: 3000, seed: 7))
        #expect(entries[3].size == 3000)
    }

    @Test("The gzip header has a zero timestamp and the bytes are identical on every write")
    func reproducibleGzip() throws {
        let first = try archiveBytes(.tarGzip) { try writeSampleEntries($0) }
        let second = try archiveBytes(.tarGzip) { try writeSampleEntries($0) }
        #expect(first == second)
        #expect(Array(first.prefix(3)) == [0x1F, 0x8B, 0x08], "gzip magic and deflate")
        #expect(Array(first[4..<8]) == [0, 0, 0, 0], "gzip MTIME must be 0 (gzip:!timestamp)")
        #expect(first[9] == 3, "OS byte: Unix")
        let later = try archiveBytes(.tarGzip) { try writeSampleEntries($0, mtime: 1_700_000_100) }
        #expect(first != later, "the mtime must be part of the bytes")

        // The decompressed stream has no trailing garbage or padding beyond the tar end blocks,
        // and gzip itself accepts the file.
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(first, name: "sample.tar.gz", in: directory)
        let check = try run("gzip", ["-t", path])
        #expect(check.status == 0 && check.stderr.isEmpty, "gzip -t: \(check.stderr)")
    }

    @Test("tar.gz keeps mtimes before 1980 and before 1970 unchanged")
    func oldTimesAreKept() throws {
        let archive = try archiveBytes(.tarGzip) { writer in
            try writer.addFile(path: "epoch.txt", contents: [1], modificationTime: 0)
            try writer.addFile(path: "1975.txt", contents: [2], modificationTime: 157_766_400)
        }
        let entries = try readAllEntries(of: archive)
        #expect(entries.map(\.header.modificationTime) == [0, 157_766_400])
    }
}
