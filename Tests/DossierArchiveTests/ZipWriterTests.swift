import DossierArchive
import Foundation
import Testing

/// What python3's zipfile sees in an archive: it is the independent reader for these tests.
struct PythonZipEntry: Decodable {
    var name: String
    var compressType: Int
    var mode: Int
    var dateTime: [Int]
    var flagBits: Int
    var data: [UInt8]?
}

let pythonListZip = """
    import json, sys, zipfile
    with zipfile.ZipFile(sys.argv[1]) as z:
        assert z.testzip() is None
        print(json.dumps([{"name": i.filename, "compressType": i.compress_type, "mode": i.external_attr >> 16,
                           "dateTime": list(i.date_time), "flagBits": i.flag_bits,
                           "data": list(z.read(i)) if len(sys.argv) > 2 else None} for i in z.infolist()]))
    """

@Suite("Zip writer")
struct ZipWriterTests {
    @Test("Compression switches per entry: stored bytes appear verbatim, deflated bytes do not")
    func compressionSwitchesBetweenEntries() throws {
        let stored = pseudoRandomBytes(count: 4096, seed: 1)
        let text = Array(
            String(repeating: "control,owner,status\nCC6.1,alice,ready\n", count: 200).utf8)
        let storedAgain = pseudoRandomBytes(count: 4096, seed: 2)
        let zip = try archiveBytes(.zip) { writer in
            try writer.addFile(
                path: "a.png", contents: stored, modificationTime: 1_700_000_000, compress: false)
            try writer.addFile(
                path: "b.csv", contents: text, modificationTime: 1_700_000_000, compress: true)
            try writer.addFile(
                path: "c.pdf", contents: storedAgain, modificationTime: 1_700_000_000, compress: false)
        }
        #expect(contains(zip, stored), "a stored entry's bytes must appear verbatim in the zip")
        #expect(contains(zip, storedAgain), "switching back to store after a deflated entry must work")
        #expect(
            !contains(zip, Array(text.prefix(200))), "a deflated entry's bytes must not appear verbatim")
        #expect(zip.count < stored.count + storedAgain.count + text.count / 4)

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(zip, name: "mixed.zip", in: directory)
        let entries = try pythonJSON([PythonZipEntry].self, pythonListZip, [path, "data"])
        #expect(entries.map(\.compressType) == [0, 8, 0], "zipfile.ZIP_STORED is 0, ZIP_DEFLATED is 8")
        #expect(entries.map(\.data) == [stored, text, storedAgain])
    }

    @Test("Headers hold only mode, type and a UTC date; directories are 0755")
    func headerMetadata() throws {
        let zip = try archiveBytes(.zip) { try writeSampleEntries($0, mtime: 1_700_000_000) }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(zip, name: "sample.zip", in: directory)
        let entries = try pythonJSON([PythonZipEntry].self, pythonListZip, [path])
        #expect(
            entries.map(\.name) == ["bag/", "bag/bagit.txt", "bag/data/run.sh", "bag/data/photo.png"])
        #expect(entries.map(\.mode) == [0o040755, 0o100644, 0o100755, 0o100644])
        // 1_700_000_000 is 2023-11-14T22:13:20Z; MS-DOS dates have 2-second resolution.
        #expect(entries[0].dateTime == [2023, 11, 14, 22, 13, 20])
        #expect(
            entries[2].dateTime == [2023, 11, 14, 22, 13, 20],
            "1_700_000_001 rounds down to an even second")
        #expect(entries[3].dateTime == [2023, 11, 14, 22, 13, 22])

        // Our own reader sees the full-resolution mtime from the extended-timestamp field.
        let read = try readAllEntries(path: path)
        #expect(
            read.map(\.header.modificationTime) == [
                1_700_000_000, 1_700_000_000, 1_700_000_001, 1_700_000_002,
            ])
        #expect(read.map(\.header.type) == [.directory, .regularFile, .regularFile, .regularFile])
        #expect(read.map(\.header.permissions) == [0o755, 0o644, 0o755, 0o644])
    }

    @Test("Mtimes before 1980 are clamped to 1980-01-01 in a zip")
    func pre1980IsClamped() throws {
        let zip = try archiveBytes(.zip) { writer in
            try writer.addFile(path: "epoch.txt", contents: [1], modificationTime: 0)
            try writer.addFile(path: "before.txt", contents: [2], modificationTime: -86_400)
            try writer.addDirectory(path: "old", modificationTime: 100)
        }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(zip, name: "old.zip", in: directory)
        let entries = try pythonJSON([PythonZipEntry].self, pythonListZip, [path])
        #expect(
            entries.allSatisfy { $0.dateTime == [1980, 1, 1, 0, 0, 0] }, "\(entries.map(\.dateTime))")
        let read = try readAllEntries(path: path)
        #expect(
            read.allSatisfy { $0.header.modificationTime == ArchiveWriter.zipEarliestModificationTime })
    }

    @Test("The same entries give the same zip bytes under different TZ values")
    func timeZoneDoesNotChangeBytes() throws {
        let previous = getenv("TZ").map { String(cString: $0) }
        defer {
            // Put back a value rather than unsetting it: removing and re-adding a variable makes
            // glibc reallocate the environment while other tests may be reading it.
            setenv("TZ", previous ?? "UTC0", 1)
            tzset()
        }
        var outputs: [[UInt8]] = []
        // POSIX rule strings: they need no zoneinfo files, so the zones really differ on any machine.
        for zone in ["JST-9", "PST8PDT,M3.2.0,M11.1.0", "<+1030>-10:30", "UTC0"] {
            setenv("TZ", zone, 1)
            tzset()
            outputs.append(try archiveBytes(.zip) { try writeSampleEntries($0) })
        }
        #expect(outputs.allSatisfy { $0 == outputs[0] }, "zip bytes changed with TZ")

        // And the MS-DOS date is the UTC one, not the last zone's local time.
        setenv("TZ", "JST-9", 1)
        tzset()
        let zip = try archiveBytes(.zip) {
            try $0.addFile(path: "x", contents: [1], modificationTime: 1_700_000_000)
        }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(zip, name: "tz.zip", in: directory)
        let entries = try pythonJSON([PythonZipEntry].self, pythonListZip, [path])
        #expect(entries.first?.dateTime == [2023, 11, 14, 22, 13, 20])
    }

    @Test("Writing a zip twice gives identical bytes, and unzip -l lists it")
    func reproducibleAndListable() throws {
        let first = try archiveBytes(.zip) { try writeSampleEntries($0) }
        let second = try archiveBytes(.zip) { try writeSampleEntries($0) }
        #expect(first == second)
        let later = try archiveBytes(.zip) { try writeSampleEntries($0, mtime: 1_700_000_100) }
        #expect(first != later, "the mtime must be part of the bytes")
        // No padding after the end-of-central-directory record (22 bytes, empty comment).
        #expect(Array(first.suffix(22).prefix(4)) == [0x50, 0x4B, 0x05, 0x06])

        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(first, name: "sample.zip", in: directory)
        let listing = try run("unzip", ["-l", path])
        #expect(listing.status == 0, "unzip -l failed: \(listing.stderr)")
        #expect(listing.stdout.contains("bag/data/photo.png"))
        let test = try run("unzip", ["-tq", path])
        #expect(test.status == 0, "unzip -t failed: \(test.stdout) \(test.stderr)")
    }
}
