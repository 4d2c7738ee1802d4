import Testing

@testable import DossierCore

@Suite struct SecretScanCacheTests {
    @Test func roundTrips() throws {
        var cache = SecretScanCache()
        let found = [SecretScanner.Finding(line: 3, kind: .jwt), SecretScanner.Finding(line: 9, kind: .urlPassword)]
        cache.learn("a" + String(repeating: "0", count: 63), found)
        cache.learn("b" + String(repeating: "0", count: 63), [])
        let parsed = try #require(SecretScanCache.parse(cache.serialized(keeping: [])))
        #expect(parsed.entries == cache.entries)
    }

    @Test func oneBadLineDropsTheWholeFile() throws {
        var cache = SecretScanCache()
        cache.learn(String(repeating: "a", count: 64), [SecretScanner.Finding(line: 3, kind: .jwt)])
        var bytes = cache.serialized(keeping: [])
        // Claim "no findings" without fixing the checksum: the file must not be trusted.
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " 3:jwt", with: " -")
        bytes = Array(text.utf8)
        #expect(SecretScanCache.parse(bytes) == nil)
        #expect(SecretScanCache.parse(Array("dossier secrets-cache 0\n".utf8)) == nil)
        #expect(SecretScanCache.decode("3:unknown-kind") == nil)
        #expect(SecretScanCache.decode("0:jwt") == nil)
    }

    @Test func theKeyChangesWithWhatTheFindingsDependOn() {
        let key = SecretScanCache.key(blob: "abc", size: 10, isCSV: false)
        #expect(key != SecretScanCache.key(blob: "abd", size: 10, isCSV: false))
        #expect(key != SecretScanCache.key(blob: "abc", size: 11, isCSV: false))
        #expect(key != SecretScanCache.key(blob: "abc", size: 10, isCSV: true))
    }
}
