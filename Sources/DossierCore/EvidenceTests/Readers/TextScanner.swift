/// Judges `text` tests line by line as chunks of a file stream past (LF, CRLF or CR end a line); a line
/// longer than ``EvidenceTestLimits/maxRecordBytes`` fails every test with the bound's name.
struct TextScanner {
    private let tests: [EvidenceTest]
    private let limits: EvidenceTestLimits
    private var logs: [FailureLog]
    private var found: [Bool]
    private var regexBroke: [Int?]
    private var line: [UInt8] = []
    private var lineNumber = 1
    private var lastWasCR = false
    private var tooLong: Int?

    init(tests: [EvidenceTest], limits: EvidenceTestLimits) {
        self.tests = tests
        self.limits = limits
        logs = Array(repeating: FailureLog(), count: tests.count)
        found = Array(repeating: false, count: tests.count)
        regexBroke = Array(repeating: nil, count: tests.count)
    }

    var isEmpty: Bool { tests.isEmpty }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !tests.isEmpty, tooLong == nil else { return }
        for byte in bytes {
            if byte == 10 && lastWasCR {
                lastWasCR = false
                continue
            }
            lastWasCR = byte == 13
            if byte == 10 || byte == 13 {
                endLine()
                lineNumber += 1
            } else if line.count >= limits.maxRecordBytes {
                tooLong = lineNumber
                return
            } else {
                line.append(byte)
            }
        }
    }

    private mutating func endLine() {
        for (t, test) in tests.enumerated() {
            guard case .text(let check) = test.kind else { continue }
            switch check {
            case .contains(let needle):
                if !found[t], Self.contains(line, Array(needle.utf8)) { found[t] = true }
            case .lacks(let needle):
                if Self.contains(line, Array(needle.utf8)) {
                    logs[t].add(line: lineNumber, "the line holds \(ConditionCheck.quote(needle)): \(Self.shown(line))")
                }
            case .matches(let regex):
                guard !found[t], regexBroke[t] == nil else { continue }
                switch regex.firstMatch(String(decoding: line, as: UTF8.self)) {
                case .match: found[t] = true
                case .noMatch: break
                case .tooMuchWork: regexBroke[t] = lineNumber
                }
            }
        }
        line.removeAll(keepingCapacity: true)
    }

    mutating func finish() -> [TestOutcome] {
        if let tooLong {
            return tests.map { _ in
                .fail(
                    "line \(tooLong) is longer than \(limits.maxRecordBytes) bytes (the line-length bound)",
                    line: tooLong)
            }
        }
        if !line.isEmpty { endLine() }
        return tests.enumerated().map { t, test in
            guard case .text(let check) = test.kind else { return .fail("not a text test") }
            switch check {
            case .contains(let needle):
                return found[t] ? .pass : .fail("no line contains \(ConditionCheck.quote(needle))")
            case .lacks:
                return logs[t].outcome
            case .matches(let regex):
                if found[t] { return .pass }
                if let broke = regexBroke[t] {
                    return .fail(
                        "matching `\(regex.pattern)` on line \(broke) broke the regex work bound (\(LinearRegex.maxSteps) steps)",
                        line: broke)
                }
                return .fail("no line matches `\(regex.pattern)`")
            }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }

    static func shown(_ line: [UInt8]) -> String {
        ConditionCheck.quote(String(decoding: line.prefix(200), as: UTF8.self))
    }
}
