import Foundation

/// Looks for credentials in evidence while it streams into the bundle, so that nothing ships to an auditor
/// unnoticed. It reports the line and the kind of secret, never the secret itself.
///
/// Patterns (with word boundaries): AWS access key IDs (`AKIA…`/`ASIA…` + 16), PEM/OpenSSH/PGP private key
/// blocks, GitHub (`ghp_` & co., `github_pat_`), GitLab (`glpat-`), Slack (`xox?-`), Stripe live keys
/// (`sk_live_`, `rk_live_`), Google API keys (`AIza…`), JWTs (`eyJ….eyJ….…`), Azure storage account keys
/// (`AccountKey=` + 86 base64 + `==`), Google Cloud service account key files (`"type": "service_account"`),
/// Twilio API keys (`SK` + 32 hex), SendGrid keys (`SG.`22`.`43), npm (`npm_` + 36) and PyPI (`pypi-AgEIcHlwaS5vcmc…`)
/// tokens, URLs with a password (`scheme://user:password@host`), `password=`/`secret:`-style assignments whose
/// value looks random (at least 8 characters, 3 bits of entropy per character, not a placeholder or a
/// variable reference), and CSV header columns named like passwords or keys. Rules follow gitleaks' where it
/// has one. Binary files (a NUL in the first 8 KiB) are skipped. Each line is scanned once it is complete; a
/// long line in windows of 4 KiB that overlap by 512 bytes, at fixed offsets from its start, so memory stays
/// bounded and the findings are the same whatever size the reads are.
public struct SecretScanner: Sendable {
    /// What a finding looks like. The raw value is the stable id used in `.dossier-secrets`, `check --json`
    /// and bag-info; ``phrase`` is what a person reads.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        case awsAccessKey = "aws-access-key"
        case privateKey = "private-key"
        case githubToken = "github-token"
        case gitlabToken = "gitlab-token"
        case slackToken = "slack-token"
        case stripeKey = "stripe-key"
        case googleAPIKey = "google-api-key"
        case jwt = "jwt"
        case passwordColumn = "password-column"
        case azureStorageKey = "azure-storage-key"
        case gcpServiceAccount = "gcp-service-account"
        case twilioKey = "twilio-key"
        case sendgridKey = "sendgrid-key"
        case npmToken = "npm-token"
        case pypiToken = "pypi-token"
        case urlPassword = "url-password"
        case secretAssignment = "secret-assignment"

        public var phrase: String {
            switch self {
            case .awsAccessKey: "an AWS access key ID"
            case .privateKey: "a private key block"
            case .githubToken: "a GitHub token"
            case .gitlabToken: "a GitLab token"
            case .slackToken: "a Slack token"
            case .stripeKey: "a Stripe live key"
            case .googleAPIKey: "a Google API key"
            case .jwt: "a JSON Web Token"
            case .passwordColumn: "a password or key column"
            case .azureStorageKey: "an Azure storage account key"
            case .gcpServiceAccount: "a Google Cloud service account key"
            case .twilioKey: "a Twilio API key"
            case .sendgridKey: "a SendGrid API key"
            case .npmToken: "an npm token"
            case .pypiToken: "a PyPI token"
            case .urlPassword: "a password in a URL"
            case .secretAssignment: "a password or secret assignment"
            }
        }

        public static func < (a: Kind, b: Kind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    public struct Finding: Sendable, Hashable {
        public var line: Int
        public var kind: Kind

        public init(line: Int, kind: Kind) {
            self.line = line
            self.kind = kind
        }
    }

    /// Bumped whenever a rule changes, so that remembered scan results (``SecretScanCache``) are not reused.
    public static let rulesVersion = 3

    /// Longest token the scanner must find across a window boundary.
    static let overlap = 512
    /// A long line is scanned in windows of this many bytes plus `overlap`, at fixed offsets from the line's
    /// start, so what is found never depends on how the file is cut into reads (the `evidence-tests` fuzz
    /// target found a value judged on the part that had arrived; `check` and `bundle` read in different sizes).
    static let window = 4096
    static let binarySniffLength = 8192

    private var found: Set<Finding> = []

    /// What was found so far (the last line counts as finished). A generic `password=`/`secret:` assignment is
    /// not reported on a line where a specific rule matched (`token: ghp_…` is one GitHub token, not two).
    public var findings: Set<Finding> {
        var all = found
        if !isBinary && pending.count > windowStart {
            var copy = self
            copy.scanPending()
            all = copy.found
        }
        let specific = Set(all.filter { $0.kind != .secretAssignment }.map(\.line))
        return all.filter { $0.kind != .secretAssignment || !specific.contains($0.line) }
    }
    private let isCSV: Bool
    private var isBinary = false
    /// Bytes seen so far, up to the sniff length: a NUL among the first 8 KiB makes the file binary however
    /// it is cut into reads (the `evidence-tests` fuzz target found reads of a few bytes deciding too early).
    private var sniffed = 0
    private var line = 1
    /// The current line's bytes from the start of its current window.
    private var pending: [UInt8] = []
    private var windowStart = 0
    private var header: [UInt8]? = []

    public init(isCSV: Bool) { self.isCSV = isCSV }

    public mutating func scan(_ chunk: UnsafeRawBufferPointer) {
        let bytes = chunk.bindMemory(to: UInt8.self)
        if sniffed < Self.binarySniffLength {
            let look = min(bytes.count, Self.binarySniffLength - sniffed)
            sniffed += look
            if bytes.prefix(look).contains(0) {
                isBinary = true
                found = []
                pending = []
            }
        }
        guard !isBinary, !bytes.isEmpty else { return }
        if isCSV, header != nil { collectHeader(bytes) }
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: 10)
            let end = newline ?? bytes.count
            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            while pending.count - windowStart >= Self.window + Self.overlap {
                scanWindow(windowStart, windowStart + Self.window + Self.overlap)
                windowStart += Self.window
            }
            if newline != nil {
                scanPending()
                pending.removeAll(keepingCapacity: pending.capacity <= 1 << 16)
                windowStart = 0
                line += 1
            } else if windowStart > 0 && windowStart >= pending.count / 2 {
                pending.removeFirst(windowStart)
                windowStart = 0
            }
            start = end + 1
        }
    }

    /// The rest of the current line, as its last window.
    private mutating func scanPending() {
        if pending.count > windowStart { scanWindow(windowStart, pending.count) }
    }

    private mutating func scanWindow(_ from: Int, _ to: Int) {
        let bytes = pending
        bytes.withUnsafeBufferPointer { scanLine(UnsafeBufferPointer(rebasing: $0[from..<to])) }
    }

    // MARK: - Matching

    private mutating func scanLine(_ s: UnsafeBufferPointer<UInt8>) {
        var i = 0
        while i < s.count {
            let kind: Kind? =
                switch s[i] {
                case UInt8(ascii: "A"): awsKey(s, i) ?? googleKey(s, i) ?? azureKey(s, i)
                case UInt8(ascii: "-"): privateKey(s, i)
                case UInt8(ascii: "g"): gitToken(s, i)
                case UInt8(ascii: "x"): slack(s, i)
                case UInt8(ascii: "s"), UInt8(ascii: "r"): stripe(s, i)
                case UInt8(ascii: "e"): jwt(s, i)
                case UInt8(ascii: "S"): twilio(s, i) ?? sendgrid(s, i)
                case UInt8(ascii: "n"): npm(s, i)
                case UInt8(ascii: "p"): pypi(s, i)
                case UInt8(ascii: "\""): gcpServiceAccount(s, i)
                case UInt8(ascii: ":"): urlPassword(s, i)
                default: nil
                }
            if let kind = kind ?? assignment(s, i) { found.insert(Finding(line: line, kind: kind)) }
            i += 1
        }
    }

    private func awsKey(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "AKIA") || has(s, i, "ASIA") else { return nil }
        let run = count(s, i + 4) { isUpper($0) || isDigit($0) }
        return run == 16 ? .awsAccessKey : nil
    }

    private func googleKey(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "AIza") else { return nil }
        return count(s, i + 4) { isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") } == 35
            ? .googleAPIKey : nil
    }

    private func privateKey(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard has(s, i, "-----BEGIN ") else { return nil }
        let rest = Array(s[(i + 11)...].prefix(40))
        return rest.firstRange(of: Array("PRIVATE KEY".utf8)) != nil ? .privateKey : nil
    }

    private func gitToken(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i) else { return nil }
        if has(s, i, "gh"), i + 3 < s.count, Array("pousr".utf8).contains(s[i + 2]), s[i + 3] == UInt8(ascii: "_") {
            return count(s, i + 4, isAlnum) >= 36 ? .githubToken : nil
        }
        if has(s, i, "github_pat_") {
            return count(s, i + 11) { isAlnum($0) || $0 == UInt8(ascii: "_") } >= 22 ? .githubToken : nil
        }
        if has(s, i, "glpat-") {
            return count(s, i + 6) { isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") } >= 20
                ? .gitlabToken : nil
        }
        return nil
    }

    private func slack(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "xox"), i + 4 < s.count, Array("baprs".utf8).contains(s[i + 3]),
            s[i + 4] == UInt8(ascii: "-")
        else { return nil }
        return count(s, i + 5) { isAlnum($0) || $0 == UInt8(ascii: "-") } >= 10 ? .slackToken : nil
    }

    private func stripe(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "sk_live_") || has(s, i, "rk_live_") else { return nil }
        return count(s, i + 8, isAlnum) >= 20 ? .stripeKey : nil
    }

    private func jwt(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "eyJ") else { return nil }
        let base64url: (UInt8) -> Bool = { isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        let header = count(s, i, base64url)
        var j = i + header
        guard header >= 10, j < s.count, s[j] == UInt8(ascii: "."), has(s, j + 1, "eyJ") else { return nil }
        let payload = count(s, j + 1, base64url)
        j += 1 + payload
        guard payload >= 10, j < s.count, s[j] == UInt8(ascii: ".") else { return nil }
        return count(s, j + 1, base64url) >= 10 ? .jwt : nil
    }

    private func azureKey(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard has(s, i, "AccountKey=") else { return nil }
        let base64: (UInt8) -> Bool = { isAlnum($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "/") }
        let run = count(s, i + 11, base64)
        return run == 86 && has(s, i + 11 + run, "==") ? .azureStorageKey : nil
    }

    private func gcpServiceAccount(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard has(s, i, "\"type\"") else { return nil }
        var j = i + 6
        j += count(s, j) { $0 == 32 || $0 == 9 }
        guard j < s.count, s[j] == UInt8(ascii: ":") else { return nil }
        j += 1
        j += count(s, j) { $0 == 32 || $0 == 9 }
        return has(s, j, "\"service_account\"") ? .gcpServiceAccount : nil
    }

    private func twilio(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "SK") else { return nil }
        let run = count(s, i + 2, isHex)
        return run == 32 && !(i + 34 < s.count && isAlnum(s[i + 34])) ? .twilioKey : nil
    }

    private func sendgrid(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "SG.") else { return nil }
        let part: (UInt8) -> Bool = { isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") }
        let first = count(s, i + 3, part)
        guard first == 22, has(s, i + 25, ".") else { return nil }
        return count(s, i + 26, part) == 43 ? .sendgridKey : nil
    }

    private func npm(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "npm_") else { return nil }
        return count(s, i + 4, isAlnum) == 36 ? .npmToken : nil
    }

    private func pypi(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard boundary(s, i), has(s, i, "pypi-AgEIcHlwaS5vcmc") else { return nil }
        return count(s, i + 20) { isAlnum($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-") } >= 50
            ? .pypiToken : nil
    }

    /// `scheme://user:password@host`, at the `:` of `://`; a password of only `*`, `x` or a `${…}`/`$VAR`
    /// reference is a placeholder.
    private func urlPassword(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        guard has(s, i, "://"), i > 0, isAlpha(s[i - 1]) else { return nil }
        let stop: (UInt8) -> Bool = { $0 > 32 && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "@") }
        var j = i + 3
        let user = count(s, j) { stop($0) && $0 != UInt8(ascii: ":") }
        j += user
        guard user > 0, j < s.count, s[j] == UInt8(ascii: ":") else { return nil }
        let start = j + 1
        let password = count(s, start, stop)
        guard password >= 3, start + password < s.count, s[start + password] == UInt8(ascii: "@") else { return nil }
        let value = Array(s[start..<(start + password)])
        return isPlaceholder(value) ? nil : .urlPassword
    }

    private static let assignmentKeys: [[UInt8]] = [
        "password", "passwd", "pwd", "secret", "client_secret", "api_key", "apikey", "token", "access_key",
    ].map { Array($0.utf8) }

    /// `password = "…"`, `secret: …`, `"api_key": "…"` whose value looks random: at least 8 characters and
    /// 3 bits of Shannon entropy per character (gitleaks' generic rule uses 3.5 on longer values).
    private func assignment(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Kind? {
        let first = s[i] | 0x20
        guard
            first == UInt8(ascii: "p") || first == UInt8(ascii: "s") || first == UInt8(ascii: "a")
                || first == UInt8(ascii: "t") || first == UInt8(ascii: "c"),
            i == 0 || !isAlnum(s[i - 1])  // `DB_PASSWORD=`, `aws.secret:` count too
        else { return nil }
        var end = -1
        for key in Self.assignmentKeys where i + key.count <= s.count {
            if (0..<key.count).allSatisfy({ s[i + $0] | 0x20 == key[$0] || s[i + $0] == key[$0] }) {
                end = i + key.count
                break
            }
        }
        guard end > 0, end >= s.count || !(isAlnum(s[end]) || s[end] == UInt8(ascii: "_")) else { return nil }
        var j = end
        j += count(s, j) { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 32 || $0 == 9 }
        guard j < s.count, s[j] == UInt8(ascii: "=") || s[j] == UInt8(ascii: ":") else { return nil }
        j += 1
        j += count(s, j) { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 32 || $0 == 9 }
        let length = count(s, j) {
            $0 > 32 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "'") && $0 != UInt8(ascii: ",")
                && $0 != UInt8(ascii: ";")
        }
        guard length >= 8 else { return nil }
        let value = Array(s[j..<(j + length)])
        return !isPlaceholder(value) && entropy(value) >= 3.0 ? .secretAssignment : nil
    }

    /// Masks, variable references and obvious stand-ins: `****`, `xxxx`, `${DB_PASSWORD}`, `$PASS`,
    /// `<password>`, `%(pw)s`, `{{ secret }}`, `REDACTED`, `changeme`.
    private func isPlaceholder(_ value: [UInt8]) -> Bool {
        guard let first = value.first else { return true }
        if "$<%{[(".utf8.contains(first) { return true }
        if value.allSatisfy({ $0 == UInt8(ascii: "*") || $0 | 0x20 == UInt8(ascii: "x") || $0 == UInt8(ascii: ".") }) {
            return true
        }
        let lower = String(decoding: value, as: UTF8.self).lowercased()
        return ["redacted", "changeme", "example", "placeholder", "password", "secret", "********"].contains {
            lower.contains($0)
        }
    }

    private func entropy(_ value: [UInt8]) -> Double {
        var counts = [Int](repeating: 0, count: 256)
        for byte in value { counts[Int(byte)] += 1 }
        let n = Double(value.count)
        return counts.reduce(0.0) { sum, c in
            guard c > 0 else { return sum }
            let p = Double(c) / n
            return sum - p * log2(p)
        }
    }

    // MARK: - CSV header

    private mutating func collectHeader(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let newline = bytes.firstIndex(of: 10) {
            header! += bytes[..<newline]
            checkHeader(header!)
            header = nil
        } else {
            header! += bytes
            if header!.count > 65_536 {
                // Judged on exactly the first 64 KiB, whatever the read size.
                checkHeader(Array(header!.prefix(65_536)))
                header = nil
            }
        }
    }

    private static let secretColumns = [
        "password", "passwd", "secret", "private_key", "privatekey", "api_key", "apikey", "access_key",
    ]

    private mutating func checkHeader(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        let columns = text.split(separator: ",").map { $0.filter { !"\"' \r\t".contains($0) } }
        // A column that names a secret ends with its name (`password`, `db_password`); one that only describes it
        // (`password_enabled`, `access_key_1_active` in AWS's credential report) does not.
        if columns.contains(where: { column in Self.secretColumns.contains { column.hasSuffix($0) } }) {
            found.insert(Finding(line: 1, kind: .passwordColumn))
        }
    }

    // MARK: - Bytes

    private func has(_ s: UnsafeBufferPointer<UInt8>, _ i: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard i >= 0, i + n <= s.count else { return false }
        let p = literal.utf8Start
        for k in 0..<n where s[i + k] != p[k] { return false }
        return true
    }

    /// Whether a token may start at `i`: not in the middle of a word.
    private func boundary(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i == 0 || !(isAlnum(s[i - 1]) || s[i - 1] == UInt8(ascii: "_"))
    }

    private func count(_ s: UnsafeBufferPointer<UInt8>, _ from: Int, _ accept: (UInt8) -> Bool) -> Int {
        var j = from
        while j < s.count, accept(s[j]) { j += 1 }
        return j - from
    }
}

private func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
private func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
private func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isUpper(b) || (b >= 97 && b <= 122) }
private func isAlpha(_ b: UInt8) -> Bool { isUpper(b) || (b >= 97 && b <= 122) }
private func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b >= 97 && b <= 102) || (b >= 65 && b <= 70) }
