import DossierCore
import DossierGit
import DossierTestSupport
import Foundation
import Testing

@testable import DossierBundle

@Suite struct SourceReadAheadTests {
    /// Files of 0, 1, 2.5 and 5 chunks (chunks of 1 KiB, two of them in flight), some with a secret.
    static func files() -> (TemporaryDirectory, [PlannedSource], [[UInt8]]) {
        let folder = TemporaryDirectory("dossier-read-ahead")
        var sources: [PlannedSource] = []
        var contents: [[UInt8]] = []
        for (index, size) in [0, 1024, 2560, 5120].enumerated() {
            var bytes = BundleWorkspace.noise(size, seed: UInt64(index + 1)).map { $0 % 26 + 97 }
            if index == 2 { bytes.replaceSubrange(1000..<1022, with: Array("\nAKIAIOSFODNN7EXAMPLE\n".utf8)) }
            let path = "f\(index).txt"
            folder.write(path, bytes: bytes)
            sources.append(PlannedSource(path: Array(path.utf8), size: Int64(size), isExecutable: false))
            contents.append(bytes)
        }
        return (folder, sources, contents)
    }

    @Test func handsOverEveryFileInOrderWithItsDigestsAndFindings() throws {
        let (folder, sources, contents) = Self.files()
        let reader = SourceReadAhead(
            files: WorkspaceFiles(root: folder.path), sources: sources, depth: 3, chunkSize: 1024)
        defer { reader.stop() }
        for (source, expected) in zip(sources, contents) {
            var bytes: [UInt8] = []
            var chunks = 0
            reading: while true {
                switch try reader.next(of: source) {
                case .chunk(let chunk):
                    bytes += chunk
                    chunks += 1
                case .end(let digests, let findings):
                    #expect(bytes == expected)
                    #expect(chunks == (expected.count + 1023) / 1024)
                    #expect(digests == DigestPair.of(expected))
                    #expect(findings.map(\.kind) == (source.path == Array("f2.txt".utf8) ? [.awsAccessKey] : []))
                    break reading
                }
            }
        }
    }

    /// A chunk stays the writer's until it asks for the next piece, however far the reader could get ahead.
    @Test func aChunkIsNotOverwrittenWhileTheWriterHoldsIt() throws {
        let (folder, sources, contents) = Self.files()
        let reader = SourceReadAhead(
            files: WorkspaceFiles(root: folder.path), sources: [sources[3]], depth: 2, chunkSize: 1024)
        defer { reader.stop() }
        var offset = 0
        while case .chunk(let chunk) = try reader.next(of: sources[3]) {
            let held = Array(chunk)
            Thread.sleep(forTimeInterval: 0.02)  // the reader fills every slot it may meanwhile
            let unchanged = Array(chunk) == held
            let expected = held[...] == contents[3][offset..<offset + held.count]
            #expect(unchanged && expected, "the chunk at \(offset) changed while held, or is not the file's")
            offset += held.count
        }
        #expect(offset == contents[3].count)
    }

    @Test(arguments: ["grew", "shrank", "vanished", "became a link"])
    func aFileThatChangedSinceThePlanIsAnErrorNamingIt(change: String) throws {
        let (folder, sources, _) = Self.files()
        let path = folder.path + "/f3.txt"
        switch change {
        case "grew": folder.write("f3.txt", bytes: Array(repeating: 97, count: 6000))
        case "shrank": folder.write("f3.txt", "short")
        case "vanished": unlink(path)
        default:
            unlink(path)
            symlink(folder.path + "/f1.txt", path)
        }
        let reader = SourceReadAhead(
            files: WorkspaceFiles(root: folder.path), sources: sources, depth: 2, chunkSize: 1024)
        defer { reader.stop() }
        for source in sources.prefix(3) {
            while case .chunk = try reader.next(of: source) {}
        }
        let error = try #require(throws: BundleError.self) {
            while case .chunk = try reader.next(of: sources[3]) {}
        }
        let expected = [
            "grew": "f3.txt changed while the bundle was being written (5120 bytes when scanned, 6000 now)",
            "shrank": "f3.txt changed while the bundle was being written (5120 bytes when scanned, 5 now)",
            "vanished": "f3.txt does not exist in the working tree",
            "became a link": "f3.txt is a symbolic link",
        ][change]!
        #expect("\(error)".contains(expected))
    }

    /// A writer that gives up (the archive failed) ends the reader, which was waiting for room ahead.
    @Test func stoppingEndsTheReaderThreadAndFreesItsBuffers() async throws {
        let (folder, sources, _) = Self.files()
        weak var weakReader: SourceReadAhead?
        do {
            let reader = SourceReadAhead(
                files: WorkspaceFiles(root: folder.path), sources: sources, depth: 2, chunkSize: 1024)
            weakReader = reader
            _ = try reader.next(of: sources[0])
            reader.stop()
        }
        for _ in 0..<500 where weakReader != nil { try await Task.sleep(for: .milliseconds(10)) }
        #expect(weakReader == nil, "the reader thread still holds the reader 5 s after stop")
    }
}
