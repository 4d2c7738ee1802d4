import DossierArchive
import Foundation
import Testing

struct DiskFull: Error, CustomStringConvertible {
    var description: String { "disk full" }
}

@Suite("Writer contract")
struct ArchiveWriterContractTests {
    @Test(
        "Writing fewer bytes than declared fails at endFile, naming the entry",
        arguments: ArchiveFormat.allCases)
    func shortFileFails(format: ArchiveFormat) throws {
        let writer = try ArchiveWriter(format: format) { _ in }
        try writer.beginFile(
            ArchiveFileAttributes(path: "data/short.csv", modificationTime: 0, size: 10))
        try [UInt8](repeating: 1, count: 4).withUnsafeBytes { try writer.write($0) }
        let error = #expect(throws: ArchiveError.self) { try writer.endFile() }
        #expect(error?.path == "data/short.csv")
        #expect(
            error?.description.contains("4 of the declared 10") == true, "\(String(describing: error))")
        // The writer is spent: even finish refuses.
        #expect(throws: ArchiveError.self) { try writer.finish() }
    }

    @Test("Writing more bytes than declared fails at write", arguments: ArchiveFormat.allCases)
    func longFileFails(format: ArchiveFormat) throws {
        let writer = try ArchiveWriter(format: format) { _ in }
        try writer.beginFile(ArchiveFileAttributes(path: "long.txt", modificationTime: 0, size: 3))
        let error = #expect(throws: ArchiveError.self) {
            try [UInt8](repeating: 1, count: 4).withUnsafeBytes { try writer.write($0) }
        }
        #expect(error?.path == "long.txt")
        #expect(throws: ArchiveError.self) {
            try writer.addDirectory(path: "later", modificationTime: 0)
        }
    }

    @Test("Calls out of order and after finish throw")
    func misuseThrows() throws {
        let writer = try ArchiveWriter(format: .zip) { _ in }
        #expect(throws: ArchiveError.self) { try writer.endFile() }
        #expect(throws: ArchiveError.self) { try [UInt8]([1]).withUnsafeBytes { try writer.write($0) } }

        let finished = try ArchiveWriter(format: .tarGzip) { _ in }
        try finished.addFile(path: "a", contents: [1], modificationTime: 0)
        try finished.finish()
        #expect(throws: ArchiveError.self) { try finished.finish() }
        #expect(throws: ArchiveError.self) { try finished.addDirectory(path: "b", modificationTime: 0) }

        let unended = try ArchiveWriter(format: .zip) { _ in }
        try unended.beginFile(ArchiveFileAttributes(path: "open.txt", modificationTime: 0, size: 0))
        let error = #expect(throws: ArchiveError.self) { try unended.finish() }
        #expect(error?.path == "open.txt")
    }

    @Test(
        "Unsafe or ambiguous names are refused",
        arguments: [
            "../evil", "/etc/x", "a/../b", "a//b", "./a", "a/.", "", "dir/", "a\\b", "a\u{0}b",
            "line\nbreak",
        ])
    func badNamesAreRefused(name: String) throws {
        for format in ArchiveFormat.allCases {
            let writer = try ArchiveWriter(format: format) { _ in }
            let error = #expect(throws: ArchiveError.self) {
                try writer.beginFile(ArchiveFileAttributes(path: name, modificationTime: 0, size: 0))
            }
            #expect(error?.path == name)
            let directoryWriter = try ArchiveWriter(format: format) { _ in }
            #expect(throws: ArchiveError.self) {
                try directoryWriter.addDirectory(path: name, modificationTime: 0)
            }
        }
    }

    @Test(
        "A failing sink surfaces as an ArchiveError carrying the sink's error",
        arguments: ArchiveFormat.allCases)
    func sinkFailurePropagates(format: ArchiveFormat) throws {
        var calls = 0
        let writer = try ArchiveWriter(format: format) { _ in
            calls += 1
            throw DiskFull()
        }
        // libarchive buffers a block before calling the sink, so the failure shows up at the
        // first call that flushes: with 256 KiB of incompressible data that is during write.
        let data = pseudoRandomBytes(count: 256 * 1024, seed: 3)
        let error = #expect(throws: ArchiveError.self) {
            try writer.beginFile(
                ArchiveFileAttributes(
                    path: "big.bin", modificationTime: 0, size: Int64(data.count), compress: false))
            try data.withUnsafeBytes { try writer.write($0) }
            try writer.endFile()
            try writer.finish()
        }
        #expect(error?.underlyingError is DiskFull)
        #expect(error?.description.contains("disk full") == true, "\(String(describing: error))")
        #expect(calls == 1, "the sink is not called again after it failed")
        #expect(throws: ArchiveError.self) { try writer.finish() }
    }

    @Test("Dropping an unfinished writer gives the sink no trailer")
    func abandonedWriterWritesNoTrailer() throws {
        let sink = ByteSink()
        do {
            let writer = try ArchiveWriter(format: .zip) { sink.append($0) }
            try writer.addFile(path: "a.txt", contents: Array("hello".utf8), modificationTime: 0)
        }
        #expect(!contains(sink.bytes, [0x50, 0x4B, 0x05, 0x06]), "no end-of-central-directory record")
    }

    @Test(
        "A 64 MiB entry written in 1 MiB chunks streams to the sink as it is written",
        arguments: ArchiveFormat.allCases)
    func largeEntryStreams(format: ArchiveFormat) throws {
        let mebibyte = 1 << 20
        let chunks = 64
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("big.\(format.fileExtension)")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let file = try FileHandle(forWritingTo: url)
        var largestCall = 0
        let writer = try ArchiveWriter(format: format) { chunk in
            largestCall = max(largestCall, chunk.count)
            try file.write(contentsOf: chunk)
        }
        var chunk = pseudoRandomBytes(count: mebibyte, seed: 11)
        try writer.beginFile(
            ArchiveFileAttributes(
                path: "big.bin", modificationTime: 0, size: Int64(chunks * mebibyte), compress: false))
        var maxLag: Int64 = 0
        for index in 0..<chunks {
            chunk[0] = UInt8(truncatingIfNeeded: index)
            try chunk.withUnsafeBytes { try writer.write($0) }
            // Incompressible data: output tracks input, minus what sits in libarchive's block
            // buffer (and, for gzip, zlib's window and pending output).
            maxLag = max(maxLag, Int64((index + 1) * mebibyte) - writer.bytesWritten)
        }
        try writer.endFile()
        try writer.finish()
        try file.close()

        let allowedLag = format == .zip ? 2 * ArchiveWriter.blockSize : mebibyte
        #expect(maxLag <= Int64(allowedLag), "the writer held back \(maxLag) bytes")
        #expect(largestCall <= ArchiveWriter.blockSize)

        // Read it back in 1 MiB buffers and check every chunk's marker byte.
        let reader = try ArchiveReader(path: url.path)
        let header = try #require(try reader.nextEntry())
        #expect(header.size == Int64(chunks * mebibyte))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: mebibyte, alignment: 1)
        defer { buffer.deallocate() }
        var offset = 0
        var markers: [UInt8] = []
        while true {
            let n = try reader.read(into: buffer)
            if n == 0 { break }
            var next = (offset + mebibyte - 1) / mebibyte * mebibyte
            while next < offset + n {
                markers.append(buffer[next - offset])
                next += mebibyte
            }
            offset += n
        }
        #expect(offset == chunks * mebibyte)
        #expect(markers == (0..<chunks).map { UInt8($0) })
        #expect(try reader.nextEntry() == nil)
        try reader.close()
    }
}
