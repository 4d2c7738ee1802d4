import DossierYAML

/// Judges JSON-Pointer tests (`json`, `rows: {at:}`, `every`/`none`/`share` with `at`) on a parsed JSON or
/// YAML document.
struct TreeTester {
    var check: ConditionCheck

    /// Parses bytes as JSON or YAML; the failure says why in words.
    static func parse(_ bytes: [UInt8], format: EvidenceFormat) -> Result<JSONValue, TestOutcome> {
        if format == .json {
            do {
                return .success(try JSONReader.parse(bytes))
            } catch {
                return .failure(.fail("the file is not valid JSON: \(error.message)", line: error.line))
            }
        }
        let parsed = YAMLParser.parse(bytes)
        if let problem = parsed.problems.first(where: { _ in parsed.root == nil }) {
            return .failure(.fail("the file is not valid YAML: \(problem.message)", line: problem.mark.line))
        }
        guard let root = parsed.root else { return .success(.null) }
        return .success(Self.value(root))
    }

    static func value(_ node: YAMLNode) -> JSONValue {
        switch node.value {
        case .scalar(let text, let style):
            return JSONValue.yamlScalar(text, plain: style == .plain && node.tag == nil)
        case .sequence(let items):
            return .array(items.map(value))
        case .mapping(let pairs):
            return .object(pairs.map { ($0.key.scalar ?? "", value($0.value)) })
        }
    }

    func run(_ test: EvidenceTest, on root: JSONValue) -> TestOutcome {
        var log = FailureLog()
        switch test.kind {
        case .json(let at, let conditions):
            guard let value = at.resolve(in: root) else { return .fail("nothing at \(at.description)") }
            switch check.check(conditions, value: value) {
            case .yes: break
            case .no(let why), .invalid(let why): log.add(path: at.description, why)
            }
        case .rows(let at?, let min, let max):
            guard let value = at.resolve(in: root) else { return .fail("nothing at \(at.description)") }
            guard case .array(let items) = value else {
                return .fail("\(at.description) is \(value.described), not an array")
            }
            if let min, items.count < min {
                log.add(path: at.description, "\(items.count) elements, fewer than \(min)")
            }
            if let max, items.count > max { log.add(path: at.description, "\(items.count) elements, more than \(max)") }
        case .every(.elements(let at, let inner), let conditions), .none(.elements(let at, let inner), let conditions),
            .share(.elements(let at, let inner), let conditions, _):
            guard let value = at.resolve(in: root) else { return .fail("nothing at \(at.description)") }
            guard case .array(let items) = value else {
                return .fail("\(at.description) is \(value.described), not an array")
            }
            var yes = 0
            let isNone: Bool
            if case .none = test.kind { isNone = true } else { isNone = false }
            for (index, item) in items.enumerated() {
                let path = at.description + "/\(index)" + (inner?.description ?? "")
                guard let subject = inner.map({ $0.resolve(in: item) }) ?? item else {
                    log.add(path: path, "nothing at \(path)")
                    continue
                }
                switch check.check(conditions, value: subject) {
                case .yes:
                    yes += 1
                    if isNone { log.add(path: path, "\(subject.described) satisfies it") }
                case .no(let why): if !isNone { log.add(path: path, why) }
                case .invalid(let why): log.add(path: path, why)
                }
            }
            if case .share(_, _, let min) = test.kind {
                if items.isEmpty { return .fail("\(at.description) is empty: a share of nothing fails") }
                if Double(yes) / Double(items.count) >= min { return .pass }
                var outcome = log.outcome
                outcome.failures.insert(
                    TestFailure(
                        line: nil, path: at.description,
                        message:
                            "\(yes) of \(items.count) elements satisfy it, fewer than \(String(format: min * 100))%"),
                    at: 0)
                if outcome.failures.count > TestOutcome.maxListed { outcome.failures.removeLast() }
                // The share line and the elements that did not count (every listed failure is counted).
                outcome.failureCount += 1
                return outcome
            }
        default:
            return .fail("`\(test.name)` does not apply to JSON or YAML")
        }
        return log.outcome
    }
}
