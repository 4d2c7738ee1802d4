import DossierArchive
import Foundation
import Testing

// MARK: - Writing archives into memory

/// Runs `body` against a writer whose sink appends to an array, finishes it, returns the bytes.
func archiveBytes(_ format: ArchiveFormat, _ body: (ArchiveWriter) throws -> Void) throws -> [UInt8] {
    let output = ByteSink()
    let writer = try ArchiveWriter(format: format) { output.append($0) }
    try body(writer)
    try writer.finish()
    return output.bytes
}

/// Collects the writer's output and remembers how it arrived.
final class ByteSink {
    var bytes: [UInt8] = []
    var calls = 0
    var largestCall = 0

    func append(_ chunk: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: chunk)
        calls += 1
        largestCall = max(largestCall, chunk.count)
    }
}

/// A fixed set of entries used by several tests: a directory, a text file, an executable, a
/// stored "already compressed" file.
func writeSampleEntries(_ writer: ArchiveWriter, mtime: Int64 = 1_700_000_000) throws {
    try writer.addDirectory(path: "bag", modificationTime: mtime)
    try writer.addFile(
        path: "bag/bagit.txt",
        contents: Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8),
        modificationTime: mtime)
    try writer.addFile(
        path: "bag/data/run.sh", contents: Array("#!/bin/sh\necho ok\n".utf8),
        modificationTime: mtime + 1, isExecutable: true)
    try writer.addFile(
        path: "bag/data/photo.png", contents: pseudoRandomBytes(count: 3000, seed: 7),
        modificationTime: mtime + 2, compress: false)
}

/// Deterministic incompressible bytes (xorshift64*).
func pseudoRandomBytes(count: Int, seed: UInt64) -> [UInt8] {
    var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    var result = [UInt8](repeating: 0, count: count)
    result.withUnsafeMutableBytes { raw in
        var i = 0
        while i < count {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            var word = (state &* 0x2545_F491_4F6C_DD1D).littleEndian
            let n = min(8, count - i)
            withUnsafeBytes(of: &word) {
                raw.baseAddress!.advanced(by: i).copyMemory(from: $0.baseAddress!, byteCount: n)
            }
            i += n
        }
    }
    return result
}

/// Whether `needle` occurs anywhere in `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
    let first = needle[0]
    var i = 0
    while i <= haystack.count - needle.count {
        if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        i += 1
    }
    return false
}

// MARK: - Files

/// A fresh directory under the system temporary directory, removed by the caller's `defer`.
func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
        "dossier-archive-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `bytes` to a new temporary file and returns its path (its directory is `directory`).
func writeTemporaryFile(_ bytes: [UInt8], name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

// MARK: - Reading with ArchiveReader

struct ReadEntry {
    var header: ArchiveEntryHeader
    var data: [UInt8]
}

/// Reads every entry and its data, using a buffer of `chunkSize` bytes.
func readAllEntries(path: String, chunkSize: Int = 4096) throws -> [ReadEntry] {
    let reader = try ArchiveReader(path: path)
    var entries: [ReadEntry] = []
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 1)
    defer { buffer.deallocate() }
    while let header = try reader.nextEntry() {
        var data: [UInt8] = []
        while true {
            let n = try reader.read(into: buffer)
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        entries.append(ReadEntry(header: header, data: data))
    }
    try reader.close()
    return entries
}

/// Writes `bytes` to a temporary file and reads it back with `ArchiveReader`.
func readAllEntries(of bytes: [UInt8], name: String = "archive", chunkSize: Int = 4096) throws
    -> [ReadEntry]
{
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try writeTemporaryFile(bytes, name: name, in: directory)
    return try readAllEntries(path: path, chunkSize: chunkSize)
}

// MARK: - External tools

struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `executable` (looked up in PATH) with `arguments`; fails the test if it cannot start.
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
    -> ToolResult
{
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    if let environment {
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting so that a chatty tool cannot fill a pipe and block.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolResult(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Runs a Python 3 script with `arguments`; expects exit status 0 and returns stdout.
/// python3 is present on every machine of this project, so its absence is a failure.
func python(_ script: String, _ arguments: [String] = []) throws -> String {
    let result = try run("python3", ["-c", script] + arguments)
    #expect(result.status == 0, "python3 failed: \(result.stderr)")
    return result.stdout
}

/// Runs a Python script that prints one JSON value and decodes it as `T`.
func pythonJSON<T: Decodable>(_ type: T.Type, _ script: String, _ arguments: [String] = []) throws
    -> T
{
    let output = try python(script, arguments)
    return try JSONDecoder().decode(T.self, from: Data(output.utf8))
}
