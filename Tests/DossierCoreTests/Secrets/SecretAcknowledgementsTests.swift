import Testing

@testable import DossierCore

@Suite struct SecretAcknowledgementsTests {
    func parse(_ text: String) -> (SecretAcknowledgements, [Diagnostic]) {
        let log = DiagnosticLog()
        let acknowledgements = SecretAcknowledgements.parse(Array(text.utf8), into: log)
        return (acknowledgements, log.diagnostics)
    }

    @Test func readsFingerprintsAndReasons() {
        let (acks, problems) = parse(
            """
            # path:line:kind  reason
            evidence/ops/config.txt:2:aws-access-key  AWS's documented example key

              ./evidence/hr/export 2026:03.csv:*:password-column\tsays set or unset\r
            evidence/a.txt:12:jwt a: b:3:jwt c
            """)
        #expect(problems.isEmpty)
        #expect(acks.entries.count == 3)
        #expect(acks.entries[0].path == "evidence/ops/config.txt")
        #expect(acks.entries[0].line == 2)
        #expect(acks.entries[0].kind == .awsAccessKey)
        #expect(acks.entries[0].reason == "AWS's documented example key")
        #expect(acks.entries[0].sourceLine == 2)
        // A path with a space and a colon, a leading ./, `*` for every line, a CRLF ending.
        #expect(acks.entries[1].path == "evidence/hr/export 2026:03.csv")
        #expect(acks.entries[1].line == nil)
        #expect(acks.entries[1].reason == "says set or unset")
        // The fingerprint ends at the first `:line:kind` followed by white space: the reason may say anything.
        #expect(acks.entries[2].path == "evidence/a.txt")
        #expect(acks.entries[2].line == 12)
        #expect(acks.entries[2].reason == "a: b:3:jwt c")
    }

    @Test func matchesByPathKindAndLineOrStar() {
        let (acks, _) = parse("a.csv:*:password-column ok\nb.txt:3:jwt ok\n")
        #expect(acks.acknowledgement(of: SecretFinding(path: "a.csv", line: 1, kind: .passwordColumn)) != nil)
        #expect(acks.acknowledgement(of: SecretFinding(path: "a.csv", line: 1, kind: .jwt)) == nil)
        #expect(acks.acknowledgement(of: SecretFinding(path: "b.txt", line: 3, kind: .jwt))?.index == 1)
        #expect(acks.acknowledgement(of: SecretFinding(path: "b.txt", line: 4, kind: .jwt)) == nil)
        #expect(acks.acknowledgement(of: SecretFinding(path: "c/b.txt", line: 3, kind: .jwt)) == nil)
    }

    @Test(arguments: [
        ("no fingerprint here\n", 1),
        ("evidence/a.json:2:nope some reason\n", 19),
        ("evidence/a.json:2:jwt\n", 22),
        ("evidence/a.json:0:jwt zero is not a line\n", 1),
        (":2:jwt no path\n", 1),
    ])
    func eachBadLineIsOneWarningWithItsColumn(_ text: String, _ column: Int) {
        let (acks, problems) = parse(text)
        #expect(acks.entries.isEmpty)
        #expect(problems.map(\.code) == [.secretAcknowledgementInvalid])
        #expect(problems.first?.line == 1)
        #expect(problems.first?.column == column)
        #expect(problems.first?.file == ".dossier-secrets")
    }

    @Test func invalidUTF8IsOneWarningAndTheRestIsRead() {
        let log = DiagnosticLog()
        let acks = SecretAcknowledgements.parse([0xFF, 0xFE, 10] + Array("b.txt:3:jwt ok\n".utf8), into: log)
        #expect(log.diagnostics.map(\.code) == [.secretAcknowledgementInvalid])
        #expect(acks.entries.map(\.path) == ["b.txt"])
    }
}
