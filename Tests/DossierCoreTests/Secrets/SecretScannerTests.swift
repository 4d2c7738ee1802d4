import Testing

@testable import DossierCore

@Suite struct SecretScannerTests {
    func scan(_ text: String, csv: Bool = false, chunk: Int = 1 << 20) -> [SecretScanner.Finding] {
        var scanner = SecretScanner(isCSV: csv)
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(start + chunk, bytes.count)
            bytes[start..<end].withUnsafeBytes { scanner.scan($0) }
            start = end
        }
        return scanner.findings.sorted { ($0.line, $0.kind) < ($1.line, $1.kind) }
    }

    static let samples: [(String, SecretScanner.Kind)] = [
        ("key = AKIAIOSFODNN7EXAMPLE", SecretScanner.Kind.awsAccessKey),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", .privateKey),
        ("-----BEGIN RSA PRIVATE KEY-----", .privateKey),
        ("token: ghp_" + String(repeating: "a1B2", count: 9), .githubToken),
        ("github_pat_" + String(repeating: "x", count: 30), .githubToken),
        ("glpat-" + String(repeating: "Ab1_", count: 5), .gitlabToken),
        ("xoxb-1234567890-abcdefghij", .slackToken),
        ("sk_live_" + String(repeating: "4eC39HqLyjWDarjtT1zdp7dc", count: 1), .stripeKey),
        ("AIza" + String(repeating: "S", count: 35), .googleAPIKey),
        ("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", .jwt),
        (
            "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + String(repeating: "aB3+", count: 21)
                + "Zq==;EndpointSuffix=core.windows.net", .azureStorageKey
        ),
        ("  \"type\": \"service_account\",", .gcpServiceAccount),
        ("TWILIO_KEY SK" + String(repeating: "0a1b2c3d", count: 4), .twilioKey),
        (
            "SG." + String(repeating: "aB3_", count: 5) + "xy." + String(repeating: "Q9-z", count: 10) + "abc",
            .sendgridKey
        ),
        ("//registry.npmjs.org/:_authToken=npm_" + String(repeating: "a1B2", count: 9), .npmToken),
        ("twine upload -p pypi-AgEIcHlwaS5vcmc" + String(repeating: "Ab1-", count: 15), .pypiToken),
        ("db: postgres://report:Tr0ub4dor3x@db.internal:5432/prod", .urlPassword),
        ("DB_PASSWORD=9fK2pQ7vXz", .secretAssignment),
        ("  \"client_secret\": \"q8Z~3kLm0PwR7tYv\"", .secretAssignment),
    ]

    @Test(arguments: samples)
    func findsEachKindOnItsLine(_ line: String, _ kind: SecretScanner.Kind) {
        #expect(scan("header\nnothing here\n" + line + "\n") == [SecretScanner.Finding(line: 3, kind: kind)])
    }

    @Test func ignoresLookalikes() {
        let text = """
            AKIA is a prefix; XAKIAIOSFODNN7EXAMPLE is inside a word; AKIAIOSFODNN7EXAMPL is short
            -----BEGIN CERTIFICATE-----
            ghp_short sk_test_4eC39HqLyjWDarjtT1zdp7dc eyJhbGciOiJIUzI1NiJ9 xoxb-
            """
        #expect(scan(text).isEmpty)
    }

    /// `token: ghp_…` is one finding (a GitHub token), not also a generic secret assignment; the generic rule
    /// still reports a line where nothing specific matched.
    @Test func aSpecificRuleSilencesTheGenericOneOnItsLine() {
        let found = scan("debug_token: ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\ntoken = Zq8xv2Lr9mWp\n")
        #expect(found.map(\.kind) == [.githubToken, .secretAssignment])
        #expect(found.map(\.line) == [1, 2])
    }

    /// Found by the `evidence-tests` fuzz target: an unfinished line was judged on the part that had arrived,
    /// so a value cut by a read looked random on its own and was reported, or not, depending on the read size;
    /// `check` (64 KiB reads) and `bundle` (256 KiB) could then disagree about a file.
    @Test func findingsDoNotDependOnTheReadSize() {
        let texts = [
            // Cut after 17 bytes, `abcdefgh` alone looks random (3 bits a character); the whole value does not.
            "password=abcdefgh" + String(repeating: "a", count: 40) + "\n",
            "eyJalsek\u{FF}4 password=lselacks:po]]\u{BF}\u{BF}\u{BF}\u{BF}\u{BF}\u{BF}\u{BF}\u{BF}]pass%or d)",
            String(repeating: "{\"k\": \"v\"}, ", count: 2000) + "\"token\": \"Zq8xv2Lr9mWp\", "
                + String(repeating: "x", count: 5000) + " AKIAIOSFODNN7EXAMPLE",
            "id,password\n1,x\n" + String(repeating: "secret: Zq8xv2Lr9mWp ", count: 700) + "\n",
        ]
        for text in texts {
            let whole = scan(text)
            for chunk in [1, 7, 13, 17, 511, 4096, 4609, 65536] {
                #expect(scan(text, chunk: chunk) == whole, "reads of \(chunk) bytes")
            }
        }
        #expect(scan(texts[0]).isEmpty)
        #expect(scan(texts[2]).map(\.kind) == [.awsAccessKey])
    }

    @Test func findsATokenSplitAcrossReads() {
        let text =
            String(repeating: "x", count: 100) + "\n" + String(repeating: "y ", count: 40)
            + "AKIAIOSFODNN7EXAMPLE tail\n"
        for chunk in [1, 7, 64, 90, 120, 185] {
            #expect(scan(text, chunk: chunk) == [SecretScanner.Finding(line: 2, kind: .awsAccessKey)], "chunk \(chunk)")
        }
    }

    @Test func flagsCSVPasswordColumnsOnlyInTheHeader() {
        #expect(
            scan("user,Password,role\nada,x,admin\n", csv: true) == [
                SecretScanner.Finding(line: 1, kind: .passwordColumn)
            ])
        #expect(scan("user,role\nada,password reset\n", csv: true).isEmpty)
        #expect(scan("user,password\n", csv: false).isEmpty)
        #expect(scan("user,db_password\n", csv: true).map(\.kind) == [.passwordColumn])
        #expect(scan("name,client secret\n", csv: true).map(\.kind) == [.passwordColumn])
    }

    /// AWS's IAM credential report describes credentials without holding any: its headers must not count
    /// (the collectors' AC-006 example had to rename them).
    @Test func columnsThatOnlyDescribeACredentialAreNotSecrets() {
        let header =
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_2_active,cert_1_active\n"
        #expect(
            scan(
                header
                    + "root,arn:aws:iam::1:root,2026-01-01,not_supported,no,N/A,N/A,true,false,N/A,N/A,false,false\n",
                csv: true
            ).isEmpty)
    }

    @Test func skipsBinaryFiles() {
        #expect(scan("\u{0}\u{1}binary AKIAIOSFODNN7EXAMPLE").isEmpty)
    }

    /// Found by the `evidence-tests` fuzz target: the first read alone decided whether a file was binary, so a
    /// NUL a few bytes in was missed when reads were small, and the findings depended on the read size.
    @Test(arguments: [1, 3, 13, 8191, 1 << 20])
    func aNulInTheFirst8KiBMakesTheFileBinaryWhateverTheReadSize(_ chunk: Int) {
        #expect(scan("token = Zq8xv2Lr9mWp\n\u{0}", chunk: chunk).isEmpty)
        let text = "token = Zq8xv2Lr9mWp\n" + String(repeating: "x", count: 8200) + "\u{0}"
        #expect(scan(text, chunk: chunk).map(\.kind) == [.secretAssignment])
    }

    @Test func placeholdersAndOrdinaryTextAreNotSecrets() {
        let text = """
            password = ${DB_PASSWORD}
            password: ********
            secret: REDACTED
            password=changeme123
            token: $GITHUB_TOKEN
            api_key = <your key here>
            password = aaaaaaaaaa
            Password policy: minimum 14 characters, rotated every 90 days
            tokens: 12
            see https://example.com/docs:42 and mailto:ann@example.com
            https://user@host.example/path
            https://user:***@host.example/path
            "type": "user_account"
            SKIPPED
            SG.short.key
            npm_install_rate
            """
        #expect(scan(text) == [])
    }
}
