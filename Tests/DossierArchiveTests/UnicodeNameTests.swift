import DossierArchive
import Foundation
import Testing

/// A name with Latin accents and CJK: the case libarchive mangles in the C locale.
let unicodeName = "évidence/Ünïcode-日本.csv"
let unicodeContents = Array("control,evidence\nCC6.1,ok\n".utf8)

private func writeUnicodeArchive(_ format: ArchiveFormat) throws -> [UInt8] {
    try archiveBytes(format) { writer in
        try writer.addDirectory(path: "évidence", modificationTime: 1_700_000_000)
        try writer.addFile(
            path: unicodeName, contents: unicodeContents, modificationTime: 1_700_000_000)
    }
}

struct PythonName: Decodable {
    var name: [UInt8]
    var utf8Flag: Bool?
    var data: [UInt8]
}

@Suite("Non-ASCII names")
struct UnicodeNameTests {
    @Test("The test process really runs in the C locale, which is the hazard being tested")
    func processLocaleIsC() {
        #expect(String(cString: setlocale(LC_CTYPE, nil)) == "C")
    }

    @Test(
        "Writer and reader put back the calling thread's own locale", arguments: ArchiveFormat.allCases)
    func threadLocaleIsRestored(format: ArchiveFormat) throws {
        // Install a distinct "C" locale object on this thread, so that a writer which forgot to
        // restore (leaving its UTF-8 locale behind) cannot pass by accident.
        let mine = try #require(newlocale(LC_CTYPE_MASK, "C", nil))
        let previous = uselocale(mine)
        defer {
            uselocale(previous)
            freelocale(mine)
        }
        let bytes = try writeUnicodeArchive(format)
        #expect(uselocale(nil) == mine, "after writing")
        _ = try readAllEntries(of: bytes, name: "unicode.\(format.fileExtension)")
        #expect(uselocale(nil) == mine, "after reading")
        #expect(
            String(cString: setlocale(LC_CTYPE, nil)) == "C", "the process-wide locale must not change")
    }

    @Test(
        "Non-ASCII names survive write → ArchiveReader in both formats",
        arguments: ArchiveFormat.allCases)
    func roundTrip(format: ArchiveFormat) throws {
        let bytes = try writeUnicodeArchive(format)
        let entries = try readAllEntries(of: bytes, name: "unicode.\(format.fileExtension)")

        #expect(entries.count == 2)
        #expect(entries.last?.header.pathBytes == Array(unicodeName.utf8))
        #expect(entries.last.map { Array($0.header.path.utf8) } == Array(unicodeName.utf8))
        #expect(entries.last?.data == unicodeContents)
        #expect(entries.first?.header.type == .directory)
        #expect(entries.first.map { Array($0.header.path.utf8) } == Array("évidence/".utf8))
        #expect(!contains(bytes, Array("?vidence".utf8)), "no '?' replacement in any header")
    }

    @Test("python3 zipfile and unzip read the zip's UTF-8 names")
    func zipReadableByOtherTools() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(
            try writeUnicodeArchive(.zip), name: "unicode.zip", in: directory)
        let names = try pythonJSON(
            [PythonName].self,
            """
            import json, sys, zipfile
            with zipfile.ZipFile(sys.argv[1]) as z:
                print(json.dumps([{"name": list(i.filename.encode()), "utf8Flag": bool(i.flag_bits & 0x800),
                                   "data": list(z.read(i))} for i in z.infolist()]))
            """, [path])
        #expect(names.map(\.name) == [Array("évidence/".utf8), Array(unicodeName.utf8)])
        #expect(names.map(\.utf8Flag) == [true, true], "general-purpose bit 11 (UTF-8) must be set")
        #expect(names.last?.data == unicodeContents)

        let listing = try run("unzip", ["-l", path], environment: ["LC_ALL": "C.UTF-8"])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.contains(unicodeName), "\(listing.stdout)")
    }

    @Test("python3 tarfile reads the tar.gz's UTF-8 names")
    func tarReadableByOtherTools() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(
            try writeUnicodeArchive(.tarGzip), name: "unicode.tar.gz", in: directory)
        let names = try pythonJSON(
            [PythonName].self,
            """
            import json, sys, tarfile
            with tarfile.open(sys.argv[1], "r:gz", encoding="utf-8", errors="strict") as t:
                print(json.dumps([{"name": list(m.name.encode()),
                                   "data": list(t.extractfile(m).read()) if m.isfile() else []} for m in t]))
            """, [path])
        #expect(names.map(\.name) == [Array("évidence".utf8), Array(unicodeName.utf8)])
        #expect(names.last?.data == unicodeContents)
    }

    @Test("UTF-8 names written by python3 are decoded by ArchiveReader in both formats")
    func readsForeignUnicodeNames() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let zipPath = directory.appendingPathComponent("py.zip").path
        let tarPath = directory.appendingPathComponent("py.tar.gz").path
        _ = try python(
            """
            import io, sys, tarfile, zipfile
            name, data = sys.argv[3], b"x"
            with zipfile.ZipFile(sys.argv[1], "w") as z:
                z.writestr(name, data)
            with tarfile.open(sys.argv[2], "w:gz", format=tarfile.PAX_FORMAT) as t:
                info = tarfile.TarInfo(name); info.size = len(data); t.addfile(info, io.BytesIO(data))
            """, [zipPath, tarPath, unicodeName])
        for path in [zipPath, tarPath] {
            let entries = try readAllEntries(path: path)
            #expect(entries.map(\.header.pathBytes) == [Array(unicodeName.utf8)], "\(path)")
        }
    }

    @Test("A raw non-UTF-8 name in a GNU tar is reported byte for byte")
    func rawBytesAreKept() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("raw.tar").path
        _ = try python(
            """
            import io, sys, tarfile
            name = b"raw-\\xff\\xfe.txt".decode("utf-8", "surrogateescape")
            with tarfile.open(sys.argv[1], "w", format=tarfile.GNU_FORMAT, encoding="utf-8", errors="surrogateescape") as t:
                info = tarfile.TarInfo(name); info.size = 1; t.addfile(info, io.BytesIO(b"x"))
            """, [path])
        let entries = try readAllEntries(path: path)
        #expect(
            entries.map(\.header.pathBytes) == [Array("raw-".utf8) + [0xFF, 0xFE] + Array(".txt".utf8)])
        #expect(entries.first?.header.path.contains("\u{FFFD}") == true)
    }
}
