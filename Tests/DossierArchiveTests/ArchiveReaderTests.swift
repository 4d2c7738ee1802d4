import DossierArchive
import Foundation
import Testing

/// Makes a tar.gz and a zip holding what a verifier must reject: a symlink, a hard link (tar), a
/// `../` name, an absolute name, a duplicate name, and a FIFO (tar).
private let pythonHostileArchives = """
    import io, sys, tarfile, warnings, zipfile
    warnings.simplefilter("ignore")
    def add(t, name, data=b"", **kw):
        info = tarfile.TarInfo(name); info.size = len(data); info.mtime = 1700000000
        for k, v in kw.items(): setattr(info, k, v)
        t.addfile(info, io.BytesIO(data) if data else None)
    with tarfile.open(sys.argv[1], "w:gz", format=tarfile.PAX_FORMAT) as t:
        add(t, "ok.txt", b"fine")
        add(t, "link", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        add(t, "hard", type=tarfile.LNKTYPE, linkname="ok.txt")
        add(t, "../evil", b"up")
        add(t, "/etc/x", b"abs")
        add(t, "dup.txt", b"first")
        add(t, "dup.txt", b"second")
        add(t, "fifo", type=tarfile.FIFOTYPE)
    with zipfile.ZipFile(sys.argv[2], "w") as z:
        z.writestr("ok.txt", b"fine")
        link = zipfile.ZipInfo("link"); link.create_system = 3; link.external_attr = 0o120777 << 16
        z.writestr(link, b"/etc/passwd")
        z.writestr("../evil", b"up")
        z.writestr("/etc/x", b"abs")
        z.writestr("dup.txt", b"first")
        z.writestr("dup.txt", b"second")
    """

@Suite("Reader")
struct ArchiveReaderTests {
    @Test("Hostile tar entries are reported as they are, and nothing is written to disk")
    func hostileTarEntries() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tar = directory.appendingPathComponent("hostile.tar.gz").path
        let zip = directory.appendingPathComponent("hostile.zip").path
        _ = try python(pythonHostileArchives, [tar, zip])
        let before = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()

        let entries = try readAllEntries(path: tar)
        #expect(
            entries.map(\.header.path) == [
                "ok.txt", "link", "hard", "../evil", "/etc/x", "dup.txt", "dup.txt", "fifo",
            ])
        #expect(
            entries.map(\.header.type) == [
                .regularFile, .symbolicLink, .hardLink, .regularFile, .regularFile, .regularFile,
                .regularFile, .other,
            ])
        #expect(entries[1].header.symlinkTarget == "/etc/passwd")
        #expect(entries[2].header.hardlinkTarget == "ok.txt")
        #expect(entries[1].data.isEmpty, "a symlink has no data to read")
        #expect(
            entries.map { String(decoding: $0.data, as: UTF8.self) } == [
                "fine", "", "", "up", "abs", "first", "second", "",
            ])
        #expect(entries[3].header.pathBytes == Array("../evil".utf8))

        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == before)
        #expect(
            !FileManager.default.fileExists(
                atPath: directory.deletingLastPathComponent().appendingPathComponent("evil").path))
    }

    @Test("Hostile zip entries are reported as they are")
    func hostileZipEntries() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tar = directory.appendingPathComponent("hostile.tar.gz").path
        let zip = directory.appendingPathComponent("hostile.zip").path
        _ = try python(pythonHostileArchives, [tar, zip])

        let entries = try readAllEntries(path: zip)
        #expect(
            entries.map(\.header.path) == ["ok.txt", "link", "../evil", "/etc/x", "dup.txt", "dup.txt"])
        #expect(
            entries.map(\.header.type) == [
                .regularFile, .symbolicLink, .regularFile, .regularFile, .regularFile, .regularFile,
            ])
        #expect(entries[1].header.symlinkTarget == "/etc/passwd")
        #expect(
            entries.map { String(decoding: $0.data, as: UTF8.self) } == [
                "fine", "", "up", "abs", "first", "second",
            ])
    }

    @Test("Data comes back intact through a tiny caller buffer", arguments: ArchiveFormat.allCases)
    func smallBuffers(format: ArchiveFormat) throws {
        let bytes = try archiveBytes(format) { try writeSampleEntries($0) }
        let entries = try readAllEntries(of: bytes, chunkSize: 7)
        #expect(entries.map(\.header.size) == [0, 54, 18, 3000])
        #expect(entries[3].data == pseudoRandomBytes(count: 3000, seed: 7))
        #expect(String(decoding: entries[1].data, as: UTF8.self).hasPrefix("BagIt-Version: 1.0\n"))
    }

    @Test("Garbage, empty, missing and wrongly-compressed files throw ArchiveError with the path")
    func garbageIsAnError() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let garbage = try writeTemporaryFile(
            pseudoRandomBytes(count: 5000, seed: 5), name: "garbage.zip", in: directory)
        let text = try writeTemporaryFile(
            Array("not an archive\n".utf8), name: "text.tar", in: directory)
        let empty = try writeTemporaryFile([], name: "empty.tar.gz", in: directory)
        let gzipped = directory.appendingPathComponent("gz-of-text.tar.gz").path
        _ = try python(
            "import gzip, sys; open(sys.argv[1], 'wb').write(gzip.compress(b'hello ' * 1000))", [gzipped])
        let missing = directory.appendingPathComponent("missing.zip").path

        for path in [garbage, text, empty, gzipped, missing] {
            let error = #expect(throws: ArchiveError.self, "\(path)") {
                _ = try readAllEntries(path: path)
            }
            #expect(error?.message.isEmpty == false)
            #expect(error?.description.contains(path) == true, "\(String(describing: error))")
        }
    }

    @Test(
        "A truncated archive is an error, not a hang", .timeLimit(.minutes(1)),
        arguments: ArchiveFormat.allCases)
    func truncatedIsAnError(format: ArchiveFormat) throws {
        let full = try archiveBytes(format) { writer in
            try writer.addFile(
                path: "a.bin", contents: pseudoRandomBytes(count: 200_000, seed: 9), modificationTime: 0,
                compress: false)
            try writer.addFile(path: "b.txt", contents: Array("tail".utf8), modificationTime: 0)
        }
        #expect(try readAllEntries(of: full).count == 2)
        for cut in [full.count / 2, full.count - 30, 100] {
            #expect(throws: ArchiveError.self, "cut at \(cut) of \(full.count)") {
                _ = try readAllEntries(of: Array(full.prefix(cut)))
            }
        }
    }

    @Test("A flipped byte in a zip is caught by its CRC")
    func zipCorruptionIsAnError() throws {
        let payload = pseudoRandomBytes(count: 100_000, seed: 4)
        var bytes = try archiveBytes(.zip) { writer in
            try writer.addFile(path: "a.bin", contents: payload, modificationTime: 0, compress: false)
        }
        #expect(try readAllEntries(of: bytes).first?.data == payload)
        bytes[bytes.count / 2] ^= 0x01
        let error = #expect(throws: ArchiveError.self) { _ = try readAllEntries(of: bytes) }
        #expect(error?.path == "a.bin")
        #expect(error?.message.contains("CRC") == true, "\(String(describing: error))")
    }

    /// libarchive 3.6.2 never checks the gzip trailer (its source says "XXX TODO: Verify the
    /// length and CRC"), and tar has no data checksum: a flipped bit inside a stored deflate
    /// block reads back without error. Only the caller's own hashes (the bag manifests) catch it.
    /// If this test starts failing, libarchive began checking, and the caveat can go.
    @Test("Known limit: a flipped byte in incompressible tar.gz data is not detected by libarchive")
    func tarGzipCorruptionIsOnlyCaughtByHashes() throws {
        let payload = pseudoRandomBytes(count: 100_000, seed: 4)
        var bytes = try archiveBytes(.tarGzip) { writer in
            try writer.addFile(path: "a.bin", contents: payload, modificationTime: 0)
        }
        bytes[bytes.count / 2] ^= 0x01
        let entries = try readAllEntries(of: bytes)
        #expect(entries.count == 1)
        #expect(entries.first?.data.count == payload.count)
        #expect(entries.first?.data != payload, "the damage is there for a hash to see")
    }

    @Test("An undecodable pax path record (ARCHIVE_WARN) is an error, not a mangled name")
    func warningIsAnError() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("bad-pax.tar").path
        _ = try python(
            """
            import io, sys, tarfile
            buf = io.BytesIO()
            with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as t:
                info = tarfile.TarInfo("évidence.csv"); info.size = 1; t.addfile(info, io.BytesIO(b"x"))
            raw = buf.getvalue()
            assert raw.count("é".encode()) == 1
            # Only the pax record's data holds the name; it is not covered by a header checksum.
            open(sys.argv[1], "wb").write(raw.replace("é".encode(), b"\\xff\\xfe"))
            """, [path])
        let error = #expect(throws: ArchiveError.self) { _ = try readAllEntries(path: path) }
        #expect(error?.operation == "archive_read_next_header")
        #expect(error?.message.contains("treated as an error") == true, "\(String(describing: error))")
    }

    @Test("Reader calls out of order throw")
    func misuseThrows() throws {
        let bytes = try archiveBytes(.zip) {
            try $0.addFile(path: "a", contents: [1, 2], modificationTime: 0)
        }
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try writeTemporaryFile(bytes, name: "a.zip", in: directory)
        let reader = try ArchiveReader(path: path)
        var byte: UInt8 = 0
        try withUnsafeMutableBytes(of: &byte) { buffer in
            #expect(throws: ArchiveError.self) { _ = try reader.read(into: buffer) }
            _ = try #require(try reader.nextEntry())
            #expect(try reader.read(into: buffer) == 1)
            #expect(try reader.nextEntry() == nil)
            #expect(try reader.nextEntry() == nil, "end stays the end")
            #expect(throws: ArchiveError.self) { _ = try reader.read(into: buffer) }
        }
        try reader.close()
        #expect(throws: ArchiveError.self) { try reader.close() }
        #expect(throws: ArchiveError.self) { _ = try reader.nextEntry() }
    }
}
