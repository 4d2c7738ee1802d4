import Testing

@testable import DossierCore

/// Each test kind and condition: passing, failing, a malformed value, a missing column, the wrong kind of file.
@Suite struct EvidenceTestKindTests {
    typealias H = EvidenceTestHarness
    static let mfa = """
        user,email,mfa_enrolled,status,trained_on
        ann,ann@x.example,true,ACTIVE,2026-01-10
        bo,bo@x.example,false,SUSPENDED,2025-06-01
        cy,cy@x.example,true,ACTIVE,not a date

        """

    @Test func columns() {
        #expect(H.one("- columns: [user, email]", on: Self.mfa).passed)
        let missing = H.one("- columns: [user, phone]", on: Self.mfa)
        #expect(!missing.passed && missing.failures[0].message.contains("no column `phone`"))
    }

    @Test func rowsCountsDataRowsOnly() {
        #expect(H.one("- rows: {min: 3, max: 3}", on: Self.mfa).passed)
        #expect(!H.one("- rows: {min: 4}", on: Self.mfa).passed)
        #expect(!H.one("- rows: {max: 2}", on: Self.mfa).passed)
        #expect(!H.one("- rows: {min: 1}", on: "user,email\n").passed)
    }

    @Test func everyListsEachFailingRowWithItsLineAndCell() {
        let outcome = H.one("- every: {column: mfa_enrolled, equals: \"true\"}", on: Self.mfa)
        #expect(!outcome.passed && outcome.failureCount == 1)
        #expect(outcome.failures[0].line == 3 && outcome.failures[0].message.contains("`false`"))
        #expect(H.one("- every: {column: mfa_enrolled, equals: \"true\"}", on: "mfa_enrolled\n").passed)
        let missing = H.one("- every: {column: mfa, equals: \"true\"}", on: Self.mfa)
        #expect(!missing.passed && missing.failures[0].message.contains("no column `mfa`"))
    }

    @Test func noneAndIn() {
        let outcome = H.one("- none: {column: status, in: [SUSPENDED, LOCKED_OUT]}", on: Self.mfa)
        #expect(!outcome.passed && outcome.failures.map(\.line) == [3])
        #expect(H.one("- none: {column: status, in: [LOCKED_OUT]}", on: Self.mfa).passed)
    }

    @Test func shareNeedsItsFractionAndFailsOnNoRows() {
        #expect(H.one("- share: {column: mfa_enrolled, equals: \"true\", min: 0.6}", on: Self.mfa).passed)
        #expect(!H.one("- share: {column: mfa_enrolled, equals: \"true\", min: 0.9}", on: Self.mfa).passed)
        #expect(!H.one("- share: {column: mfa_enrolled, equals: \"true\", min: 0.1}", on: "mfa_enrolled\n").passed)
    }

    /// Found by the evidence-tests fuzz target: a failing share listed the share line and each row that did not
    /// count but counted only the rows, so the outcome was inconsistent, and the tests cache, which refuses an
    /// inconsistent entry, was dropped whole on every run.
    @Test(arguments: [
        ("- share: {column: mfa_enrolled, equals: \"true\", min: 0.9}", EvidenceTestKindTests.mfa, EvidenceFormat.csv),
        (
            "- share: {at: /B, where: {at: /E, equals: true}, min: 0.9}", "{\"B\": [{\"E\": true}, {\"E\": false}]}",
            .json
        ),
    ])
    func aFailingShareCountsEveryFailureItListsAndIsCached(_ yaml: String, _ content: String, _ format: EvidenceFormat)
        throws
    {
        let outcome = H.one(yaml, on: content, format: format)
        #expect(!outcome.passed)
        #expect(outcome.isConsistent)
        #expect(outcome.failureCount == outcome.failures.count)
        var cache = EvidenceTestCache()
        cache.learn(String(repeating: "a", count: 64), [outcome])
        let parsed = try #require(EvidenceTestCache.parse(cache.serialized(keeping: [])))
        #expect(parsed.entries == cache.entries)
    }

    @Test func uniqueIgnoresEmptyCells() {
        #expect(H.one("- unique: email", on: Self.mfa).passed)
        let dup = H.one("- unique: v", on: "v\na\n\n \nb\na\n")
        #expect(!dup.passed && dup.failureCount == 1 && dup.failures[0].message.contains("first on line 2"))
        #expect(H.one("- unique: v", on: "v\n\"\"\n\"\"\n").passed)
    }

    @Test func matchesIsAWholeValueMatch() {
        #expect(H.one("- every: {column: email, matches: \"[a-z]+@x\\\\.example\"}", on: Self.mfa).passed)
        #expect(!H.one("- every: {column: email, matches: \"[a-z]+\"}", on: Self.mfa).passed)
    }

    @Test func minMaxOnANonNumberIsAFailure() {
        let outcome = H.one("- every: {column: n, min: 1, max: 10}", on: "n\n5\n11\nabc\n0\n")
        #expect(outcome.failures.map(\.line) == [3, 4, 5])
        #expect(outcome.failures[1].message.contains("not a number"))
        #expect(!H.one("- none: {column: n, min: 100}", on: "n\nabc\n").passed)
    }

    @Test func notEmpty() {
        #expect(!H.one("- every: {column: v, not_empty: true}", on: "v,w\n\" \",1\nx,2\n").passed)
        #expect(H.one("- every: {column: v, not_empty: true}", on: "v\nx\n").passed)
    }

    @Test func withinDaysCountsBackFromTheEvidenceDateInclusive() {
        let csv = "d\n2025-06-30\n2026-06-30\n2026-06-29T23:30:00-02:00\n2025-06-29\n2026-07-01\nsoon\n"
        let outcome = H.one("- every: {column: d, within_days: 365}", on: csv)
        // 2026-06-29T23:30-02:00 is 2026-06-30 in UTC: inside. 2025-06-29 is 366 days back; 2026-07-01 is after.
        #expect(outcome.failures.map(\.line) == [5, 6, 7])
        #expect(outcome.failures[2].message.contains("not a date"))
        let undated = H.run("- every: {column: d, within_days: 1}", on: "d\n2026-06-30\n", format: .csv, date: nil)[0]
        #expect(!undated.passed)
    }

    @Test func jsonPointerConditionsAreTyped() {
        let json = """
            {"MinimumPasswordLength": 12, "RequireSymbols": true, "Name": "p", "a/b": {"~": 1},
             "Buckets": [{"Encrypted": true}, {"Encrypted": false}, {}]}
            """
        let results = H.run(
            """
            - json: {at: /MinimumPasswordLength, min: 14}
            - json: {at: /RequireSymbols, equals: true}
            - json: {at: /RequireSymbols, equals: "true"}
            - json: {at: /Name, min: 1}
            - json: {at: /Missing, equals: 1}
            - json: {at: /a~1b/~0, equals: 1}
            - rows: {at: /Buckets, min: 1}
            - every: {at: /Buckets, where: {at: /Encrypted, equals: true}}
            - share: {at: /Buckets, where: {at: /Encrypted, equals: true}, min: 0.3}
            """, on: json, format: .json)
        #expect(results.map(\.passed) == [false, true, false, false, false, true, true, false, true])
        #expect(results[3].failures[0].message.contains("not a number"))
        #expect(results[4].failures[0].message.contains("nothing at /Missing"))
        #expect(results[7].failures.map(\.path) == ["/Buckets/1/Encrypted", "/Buckets/2/Encrypted"])
    }

    @Test func yamlEvidenceIsReadLikeJSON() {
        let yaml = "policy:\n  length: 16\n  symbols: true\n  name: \"true\"\n"
        let results = H.run(
            "- json: {at: /policy/length, min: 14}\n- json: {at: /policy/symbols, equals: true}\n- json: {at: /policy/name, equals: true}",
            on: yaml, format: .yaml)
        #expect(results.map(\.passed) == [true, true, false])
    }

    @Test func textContainsLacksMatches() {
        let log = "start\nrestore completed\nduration: 41s\nERROR disk\nend"
        let results = H.run(
            """
            - text: {contains: "restore completed"}
            - text: {lacks: "ERROR"}
            - text: {matches: "duration: [0-9]+s"}
            - text: {matches: "^duration: [0-9]+m$"}
            - text: {contains: "absent"}
            """, on: log, format: .text)
        #expect(results.map(\.passed) == [true, false, true, false, false])
        #expect(results[1].failures.map(\.line) == [4])
    }

    @Test func aTestOfTheWrongKindFailsWithAMessage() {
        let onJSON = H.run("- columns: [a]\n- unique: a", on: "{\"a\": 1}", format: .json)
        #expect(onJSON.allSatisfy { !$0.passed && $0.failures[0].message.contains("reads CSV or TSV") })
        let onCSV = H.one("- json: {at: /a, equals: 1}", on: "a\n1\n")
        #expect(!onCSV.passed && onCSV.failures[0].message.contains("reads JSON or YAML"))
        let broken = H.run("- json: {at: /a, equals: 1}", on: "{\"a\": ", format: .json)[0]
        #expect(!broken.passed && broken.failures[0].message.contains("not valid JSON"))
    }

    @Test func tsvUsesTabs() {
        #expect(H.run("- every: {column: b, equals: \"x y\"}", on: "a\tb\n1\tx y\n", format: .tsv)[0].passed)
    }

    @Test func coversComparesWithTheReferenceValues() {
        let reference = TableTester.Reference(file: "roster.csv", values: .success([("ann", 2), ("dan", 5)]))
        let outcome = H.run(
            "- covers: {column: user, from: evidence/roster-*.csv}", on: Self.mfa, format: .csv,
            references: [0: reference])[0]
        #expect(!outcome.passed && outcome.failureCount == 1)
        #expect(outcome.failures[0].message.contains("`dan` on line 5 of roster.csv"))
    }

    @Test func jsonAboveItsSizeBoundIsAClearFailure() {
        var limits = EvidenceTestLimits()
        limits.maxJSONBytes = 10
        let outcome = H.run(
            "- json: {at: /a, equals: 1}", on: "{\"a\": 1, \"b\": \"long enough\"}", format: .json, limits: limits)[0]
        #expect(!outcome.passed && outcome.failures[0].message.contains("size bound"))
    }

    @Test func atMostTwentyFailuresAreListedWithAnExactCount() {
        let csv = "v\n" + String(repeating: "bad\n", count: 50)
        let outcome = H.one("- every: {column: v, equals: ok}", on: csv)
        #expect(outcome.failureCount == 50 && outcome.failures.count == 20 && outcome.failures.last?.line == 21)
    }
}
