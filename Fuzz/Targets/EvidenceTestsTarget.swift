import DossierCore

/// An evidence requirement's `tests:` and one evidence file → the test outcomes, and the same file through the
/// secret scanner. The first byte picks the file's format (low three bits) and the size of the reads (the rest);
/// the input is `tests YAML`, a NUL, then the file (without a NUL, a fixed set of tests for the format judges
/// the whole input). Never a crash or a hang; every diagnostic points inside the YAML; each test has one
/// consistent outcome whose failure lines lie inside the file; the secret scanner's findings do not depend on
/// how the file is cut into reads.
enum EvidenceTestsTarget {
    static let day = CalendarDay(iso: "2026-06-30")

    static let defaultTests: [EvidenceFormat: String] = [
        .csv: """
        - columns: [user, mfa, last_login]
        - every: {column: mfa, in: ["true", "yes"]}
        - none: {column: user, matches: "root|admin"}
        - share: {column: mfa, equals: "true", min: 0.9}
        - unique: user
        - rows: {min: 1, max: 500}
        - every: {column: last_login, within_days: 90}
        """,
        .tsv: """
        - columns: [id, state]
        - every: {column: state, matches: "(open|closed)[a-z]*"}
        - unique: id
        """,
        .json: """
        - json: {at: /enabled, equals: true}
        - json: {at: /rules/0/max_age, max: 90}
        - json: {at: /name, matches: "[a-z-]{1,40}", not_empty: true}
        - every: {at: /rules, where: {at: /on, equals: true}}
        - share: {at: /rules, where: {at: /max_age, min: 1}, min: 0.5}
        - rows: {at: /rules, min: 1}
        """,
        .yaml: """
        - json: {at: /policy/mfa, equals: true}
        - json: {at: /items/2, in: [a, b, "3"]}
        - none: {at: /users, where: {at: /mfa, equals: false}}
        """,
        .text: """
        - text: {contains: "PASSED"}
        - text: {matches: "Restored [0-9]+ (files|rows)"}
        - text: {lacks: "ERROR"}
        """,
    ]

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let format = EvidenceFormat.allCases[Int(selector & 7) % EvidenceFormat.allCases.count]
        let chunk = Int(selector >> 3) + 1
        let input = bytes.dropFirst()
        let yaml: [UInt8]
        let content: [UInt8]
        if let nul = input.firstIndex(of: 0) {
            yaml = Array(input[..<nul])
            content = Array(input[(nul + 1)...])
        } else {
            yaml = Array(defaultTests[format]!.utf8)
            content = Array(input)
        }
        let result = EvidenceTestHarness.run(
            tests: yaml, format: format, content: content, chunk: chunk, date: day)
        let positions = InputPositions(yaml)
        for diagnostic in result.diagnostics {
            guard let line = diagnostic.line else { continue }
            require(
                positions.contains(line: line, column: diagnostic.column),
                "\(diagnostic.code.rawValue) at \(line):\(diagnostic.column ?? 0) is outside the tests")
        }
        require(
            result.outcomes.count == result.testCount,
            "\(result.testCount) tests gave \(result.outcomes.count) outcomes")
        // Lines as the most generous reader counts them: YAML (libyaml) also breaks at a lone CR, NEL, LS and PS.
        let lines = content.reduce(1) { $0 + ($1 == 10 || $1 == 13 || $1 == 0x85 || $1 == 0xA8 || $1 == 0xA9 ? 1 : 0) }
        for outcome in result.outcomes {
            require(outcome.isConsistent, "an inconsistent outcome: \(outcome)")
            for failure in outcome.failures {
                require((failure.line ?? 1) <= lines, "a failure on line \(failure.line!) of a \(lines)-line file")
            }
        }
        scanSecrets(content, isCSV: format == .csv, chunk: chunk, lines: lines)
    }

    static func scanSecrets(_ content: [UInt8], isCSV: Bool, chunk: Int, lines: Int) {
        var whole = SecretScanner(isCSV: isCSV)
        content.withUnsafeBytes { whole.scan($0) }
        var pieces = SecretScanner(isCSV: isCSV)
        var start = 0
        while start < content.count {
            let end = min(start + chunk, content.count)
            content[start..<end].withUnsafeBytes { pieces.scan($0) }
            start = end
        }
        for finding in whole.findings {
            require(finding.line >= 1 && finding.line <= lines, "a secret on line \(finding.line) of \(lines)")
        }
        require(
            whole.findings == pieces.findings,
            "reads of \(chunk) bytes found \(pieces.findings.sorted { $0.line < $1.line }), one read \(whole.findings.sorted { $0.line < $1.line })"
        )
    }
}
