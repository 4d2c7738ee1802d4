/// `.dossier-secrets`: findings of the secret scan that someone looked at and decided may ship, one per line,
/// each with the reason, like a gitleaks ignore file:
///
/// ```
/// # path:line:kind  reason
/// evidence/infra/db-config.txt:12:secret-assignment  test database of the staging stack, rotated 2026-10-01
/// evidence/hr/export.csv:*:password-column  the column holds "set"/"unset", never a password
/// ```
///
/// `line` is a line number or `*` (every line of that file with that kind); `kind` is a stable id from
/// ``SecretScanner/Kind``. The path may hold spaces and colons: the fingerprint ends at the first `:line:kind`
/// followed by white space, so the reason may say anything. A reason is required. Blank lines and lines starting with `#` are ignored.
public struct SecretAcknowledgements: Sendable {
    public static let fileName = ".dossier-secrets"
    /// Larger files are refused whole (a register of acknowledgements, not a data file).
    public static let maxBytes = 1 << 20

    public struct Entry: Sendable, Hashable {
        public var path: String
        /// nil for `*`.
        public var line: Int?
        public var kind: SecretScanner.Kind
        public var reason: String
        /// Where the entry is written in `.dossier-secrets`.
        public var sourceLine: Int

        func matches(_ finding: SecretFinding) -> Bool {
            finding.path == path && finding.kind == kind && (line == nil || line == finding.line)
        }
    }

    public private(set) var entries: [Entry] = []

    public init(entries: [Entry] = []) { self.entries = entries }

    /// Parses the file; each line that cannot be read is one `secret.ack-invalid` warning and acknowledges
    /// nothing.
    public static func parse(_ bytes: [UInt8], into log: DiagnosticLog) -> SecretAcknowledgements {
        var result = SecretAcknowledgements()
        var number = 0
        for raw in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            number += 1
            var lineBytes = Array(raw)
            if lineBytes.last == 13 { lineBytes.removeLast() }
            guard let text = String(validating: lineBytes, as: UTF8.self) else {
                log.report(invalid("the line is not UTF-8 text", line: number, column: 1))
                continue
            }
            let trimmed = text.trimmingLeadingWhitespace()
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            switch entry(text, line: number) {
            case .entry(let entry): result.entries.append(entry)
            case .problem(let diagnostic): log.report(diagnostic)
            }
        }
        return result
    }

    /// The reason of the first entry that acknowledges `finding`, and that entry's index.
    public func acknowledgement(of finding: SecretFinding) -> (reason: String, index: Int)? {
        guard let index = entries.firstIndex(where: { $0.matches(finding) }) else { return nil }
        return (entries[index].reason, index)
    }

    // MARK: - One line

    private enum Parsed {
        case entry(Entry)
        case problem(Diagnostic)
    }

    private struct Fingerprint {
        var pathEnd: String.Index
        var line: Int?
        var lineText: Substring
        var kindText: Substring
        var kindColumn: Int
        var rest: Substring
    }

    private static func entry(_ text: String, line number: Int) -> Parsed {
        let leading = text.prefix { $0 == " " || $0 == "\t" }.count
        let body = text.dropFirst(leading)
        guard let found = fingerprint(in: body) else {
            return .problem(
                invalid(
                    "expected `path:line:kind reason`", line: number, column: leading + 1,
                    hint: "copy the line `check` suggests for the finding, then write why it may ship"))
        }
        let path = normalized(body[..<found.pathEnd])
        guard !path.isEmpty else {
            return .problem(invalid("the path is empty", line: number, column: leading + 1))
        }
        guard let kind = SecretScanner.Kind(rawValue: String(found.kindText)) else {
            return .problem(
                invalid(
                    "unknown kind `\(found.kindText)`", line: number, column: leading + found.kindColumn,
                    hint: "kinds: " + SecretScanner.Kind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let reason = found.rest.trimmingCharacters(in: " \t")
        guard !reason.isEmpty else {
            return .problem(
                invalid(
                    "`\(path):\(found.lineText):\(kind.rawValue)` has no reason", line: number,
                    column: text.count + 1,
                    hint: "after the fingerprint, write why this may reach the auditor (who decided, and when)"))
        }
        return .entry(Entry(path: path, line: found.line, kind: kind, reason: reason, sourceLine: number))
    }

    /// The first `:<digits or *>:<kind>` in `body` that is followed by white space or the end.
    private static func fingerprint(in body: Substring) -> Fingerprint? {
        let characters = Array(body)
        var i = 0
        while i < characters.count {
            defer { i += 1 }
            guard characters[i] == ":", i > 0 else { continue }
            var j = i + 1
            while j < characters.count, characters[j].isASCII, characters[j].isNumber || characters[j] == "*" {
                j += 1
            }
            let lineText = String(characters[(i + 1)..<j])
            guard j < characters.count, characters[j] == ":", lineText == "*" || Int(lineText).map({ $0 > 0 }) == true
            else { continue }
            var k = j + 1
            while k < characters.count, characters[k].isASCII,
                characters[k].isLowercase || characters[k].isNumber || characters[k] == "-"
            {
                k += 1
            }
            guard k > j + 1, k == characters.count || characters[k] == " " || characters[k] == "\t" else { continue }
            let start = body.index(body.startIndex, offsetBy: i)
            return Fingerprint(
                pathEnd: start, line: Int(lineText), lineText: Substring(lineText),
                kindText: Substring(String(characters[(j + 1)..<k])), kindColumn: j + 2,
                rest: body[body.index(body.startIndex, offsetBy: k)...])
        }
        return nil
    }

    private static func normalized(_ path: Substring) -> String {
        var path = String(path)
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    static func invalid(_ message: String, line: Int, column: Int, hint: String? = nil) -> Diagnostic {
        Diagnostic(
            .warning, .secretAcknowledgementInvalid, message + "; this line acknowledges nothing", file: fileName,
            line: line, column: column, hint: hint)
    }
}

extension String {
    fileprivate func trimmingLeadingWhitespace() -> Substring { drop { $0 == " " || $0 == "\t" } }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
