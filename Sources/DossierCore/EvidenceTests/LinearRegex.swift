/// A regular expression that runs in time linear in its input: a Thompson NFA simulated as a Pike VM.
///
/// Control maps run regexes against evidence, which is untrusted data; a backtracking engine (Swift `Regex`,
/// `NSRegularExpression`) takes exponential time on `(a+)+$` against `aaaa…b`. Here every input character
/// advances a set of at most `program.count` threads, so the work is `O(input × pattern)`, and
/// ``maxSteps`` caps it per value besides. The subset (documented in README):
/// literals, `.`, `[abc]`, `[^a-z]`, `\d \D \w \W \s \S`, escaped metacharacters, `( )`, `(?: )`, `|`,
/// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (lazy forms accepted, same answer), and `^`/`$`.
/// Back-references and look-around cannot be linear and are refused with a message.
public struct LinearRegex: Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    let program: [RegexInstruction]
    /// Threads this regex may advance per value (``maxSteps`` unless a test lowers it).
    let stepLimit: Int
    /// Threads advanced per value at most; past it the match gives up (``Outcome/tooMuchWork``).
    public static let maxSteps = 20_000_000
    /// Compiled programs larger than this are refused (counted repetition multiplies the pattern).
    public static let maxProgram = 4_000

    public enum Outcome: Sendable, Equatable {
        case match, noMatch, tooMuchWork
    }

    /// Compiles `pattern`; throws a readable reason when it is outside the subset.
    public init(_ pattern: String, stepLimit: Int = LinearRegex.maxSteps) throws(RegexSyntaxError) {
        self.pattern = pattern
        self.stepLimit = stepLimit
        var parser = RegexParser(Array(pattern.unicodeScalars))
        let tree = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.emit(tree)
        compiler.code.append(.match)
        program = compiler.code
    }

    /// Whether the whole of `text` matches.
    public func wholeMatch(_ text: Substring.UnicodeScalarView) -> Outcome { run(text, anchored: true) }
    public func wholeMatch(_ text: String) -> Outcome { run(text[...].unicodeScalars, anchored: true) }

    /// Whether some part of `text` matches.
    public func firstMatch(_ text: String) -> Outcome { run(text[...].unicodeScalars, anchored: false) }

    // MARK: - Pike VM

    private func run(_ text: Substring.UnicodeScalarView, anchored: Bool) -> Outcome {
        var current = ThreadList(capacity: program.count)
        var next = ThreadList(capacity: program.count)
        var steps = 0
        var index = text.startIndex
        var atStart = true
        current.add(0, program, atStart: true, atEnd: index == text.endIndex)
        while true {
            let atEnd = index == text.endIndex
            if !anchored || atEnd {
                if current.containsMatch(program) { return .match }
            }
            if atEnd { return .noMatch }
            let scalar = text[index]
            text.formIndex(after: &index)
            atStart = false
            let nowAtEnd = index == text.endIndex
            next.clear()
            for pc in current.items {
                steps += 1
                switch program[pc] {
                case .char(let c) where c == scalar:
                    next.add(pc + 1, program, atStart: atStart, atEnd: nowAtEnd)
                case .any where scalar != "\n":
                    next.add(pc + 1, program, atStart: atStart, atEnd: nowAtEnd)
                case .set(let set) where set.contains(scalar):
                    next.add(pc + 1, program, atStart: atStart, atEnd: nowAtEnd)
                default:
                    break
                }
            }
            if !anchored { next.add(0, program, atStart: false, atEnd: nowAtEnd) }
            if steps > stepLimit { return .tooMuchWork }
            if next.items.isEmpty && anchored { return .noMatch }
            swap(&current, &next)
        }
    }

    public static func == (a: LinearRegex, b: LinearRegex) -> Bool { a.pattern == b.pattern }
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }
}

/// Why a pattern in the control map was refused.
public struct RegexSyntaxError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

// MARK: - Program

enum RegexInstruction: Sendable {
    case char(Unicode.Scalar)
    case any
    case set(ScalarSet)
    case split(Int, Int)
    case jump(Int)
    case assertStart
    case assertEnd
    case match
}

/// A bracket expression or class escape: ranges, possibly negated.
struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var negated = false

    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        let inside = ranges.contains { $0.contains(v) }
        return inside != negated
    }

    static let digit = ScalarSet(ranges: [48...57])
    static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122])
    static let space = ScalarSet(ranges: [9...13, 32...32])
}

/// The threads alive at one input position, each a program counter, without duplicates (a sparse set).
struct ThreadList {
    var items: [Int] = []
    var seen: [Bool]
    /// Every counter marked in `seen`, including the jumps and splits that never become threads.
    var marked: [Int] = []

    init(capacity: Int) {
        seen = [Bool](repeating: false, count: capacity)
        items.reserveCapacity(capacity)
    }

    mutating func clear() {
        for pc in marked { seen[pc] = false }
        marked.removeAll(keepingCapacity: true)
        items.removeAll(keepingCapacity: true)
    }

    func containsMatch(_ program: [RegexInstruction]) -> Bool {
        items.contains { if case .match = program[$0] { true } else { false } }
    }

    /// Adds `pc` and everything reachable from it without consuming input.
    mutating func add(_ start: Int, _ program: [RegexInstruction], atStart: Bool, atEnd: Bool) {
        var stack = [start]
        while let pc = stack.popLast() {
            guard !seen[pc] else { continue }
            seen[pc] = true
            marked.append(pc)
            switch program[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let a, let b):
                stack.append(b)
                stack.append(a)
            case .assertStart:
                if atStart { stack.append(pc + 1) }
            case .assertEnd:
                if atEnd { stack.append(pc + 1) }
            default:
                items.append(pc)
            }
        }
    }
}
