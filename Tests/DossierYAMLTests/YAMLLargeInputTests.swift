import DossierYAML
import Testing

/// Realistic large control maps parse completely (timings belong in the benchmark, not here).
///
/// Bounds are generous because tests run as a debug build on a busy 2-core machine; the
/// printed times are the numbers to watch (`swift test -c release` for release timings).
@Suite struct YAMLLargeInputTests {
    /// 10,000 flat control mappings (4 pairs each, 9 nodes), a little over 2 MiB: 90,002 nodes,
    /// within the default node limit.
    static func flatControlMap() -> [UInt8] {
        var text = "controls:\n"
        for index in 0..<10_000 {
            let id = String(index + 100_000).dropFirst()
            text += """
                  - id: C-\(id)
                    title: "Quarterly access review for production system number \(id)"
                    owner: security-team@example.com
                    narrative: |
                      The security lead exports accounts from the identity provider and checks each.

                """
        }
        return Array(text.utf8)
    }

    /// 10,000 richer controls (nested sequences and mappings, 19 nodes each): 190,002 nodes.
    static func nestedControlMap() -> [UInt8] {
        var text = "controls:\n"
        for index in 0..<10_000 {
            let id = String(index + 100_000).dropFirst()
            text += """
                  - id: C-\(id)
                    title: "Access reviews for system \(id)"
                    owner: alice@example.com
                    criteria: [CC6.1, CC6.2]
                    evidence:
                      - path: evidence/access/review-\(id).csv
                    narrative: |
                      Quarterly review of accounts \(id).

                """
        }
        return Array(text.utf8)
    }

    private static func timedParse(_ bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) -> (YAMLParseResult, Duration) {
        let clock = ContinuousClock()
        var result: YAMLParseResult?
        let elapsed = clock.measure { result = YAMLParser.parse(bytes, limits: limits) }
        return (result!, elapsed)
    }

    @Test func parsesATwoMebibyteControlMap() throws {
        let bytes = Self.flatControlMap()
        #expect(bytes.count >= 2 << 20)
        let (result, elapsed) = Self.timedParse(bytes)
        print("flat control map: \(bytes.count) bytes, 10,000 controls, parsed in \(elapsed)")
        #expect(result.problems.isEmpty)
        let controls = try #require(result.root?.value(forKey: "controls")?.value.sequence)
        #expect(controls.count == 10_000)
        #expect(controls.last?.value(forKey: "id")?.value.scalar == "C-09999")
        #expect(controls.last?.mark == YAMLMark(line: 2 + 9_999 * 5, column: 5))
    }

    @Test func parsesANestedControlMapWithinTheDefaultLimitButNotALoweredOne() throws {
        let bytes = Self.nestedControlMap()
        var limits = YAMLLimits()
        limits.maxNodes = 150_000
        // 190,002 nodes: over a lowered limit, which says so rather than running on.
        #expect(YAMLParser.parse(bytes, limits: limits).problems.map(\.kind) == [.tooManyNodes])
        let (result, elapsed) = Self.timedParse(bytes)
        print("nested control map: \(bytes.count) bytes, 10,000 controls, parsed in \(elapsed)")
        #expect(result.problems.isEmpty)
        let controls = try #require(result.root?.value(forKey: "controls")?.value.sequence)
        #expect(controls.count == 10_000)
        #expect(controls.last?.mark == YAMLMark(line: 2 + 9_999 * 8, column: 5))
    }
}
