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
    /// The bracket expressions and class escapes `.set(i)` instructions name (kept apart so that reading an
    /// instruction copies no array).
    let sets: [ScalarSet]
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
        sets = compiler.sets
    }

    /// Whether the whole of `text` matches.
    public func wholeMatch(_ text: Substring.UnicodeScalarView) -> Outcome { run(text, anchored: true) }
    public func wholeMatch(_ text: String) -> Outcome { run(text[...].unicodeScalars, anchored: true) }

    /// Whether some part of `text` matches.
    public func firstMatch(_ text: String) -> Outcome { run(text[...].unicodeScalars, anchored: false) }

    // MARK: - Pike VM

    private func run(_ text: Substring.UnicodeScalarView, anchored: Bool) -> Outcome {
        let n = program.count
        // One scratch allocation per value (on the stack when small): two thread lists and a shared stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 6 * n + 2) { scratch in
            scratch.initialize(repeating: 0)
            let stack = UnsafeMutableBufferPointer(rebasing: scratch[(4 * n)...])
            var current = ThreadList(UnsafeMutableBufferPointer(rebasing: scratch[0..<(2 * n)]), stack: stack)
            var next = ThreadList(UnsafeMutableBufferPointer(rebasing: scratch[(2 * n)..<(4 * n)]), stack: stack)
            return run(text, anchored: anchored, &current, &next)
        }
    }

    private func run(
        _ text: Substring.UnicodeScalarView, anchored: Bool, _ current: inout ThreadList, _ next: inout ThreadList
    ) -> Outcome {
        var steps = 0
        var index = text.startIndex
        current.add(0, program, atStart: true, atEnd: index == text.endIndex)
        while true {
            let atEnd = index == text.endIndex
            if !anchored || atEnd {
                if current.containsMatch(program) { return .match }
            }
            if atEnd { return .noMatch }
            let scalar = text[index]
            text.formIndex(after: &index)
            let nowAtEnd = index == text.endIndex
            next.clear()
            for i in 0..<current.count {
                let pc = current.items[i]
                steps += 1
                switch program[pc] {
                case .char(let c) where c == scalar:
                    next.add(pc + 1, program, atStart: false, atEnd: nowAtEnd)
                case .any where scalar != "\n":
                    next.add(pc + 1, program, atStart: false, atEnd: nowAtEnd)
                case .set(let set) where sets[set].contains(scalar):
                    next.add(pc + 1, program, atStart: false, atEnd: nowAtEnd)
                default:
                    break
                }
            }
            if !anchored { next.add(0, program, atStart: false, atEnd: nowAtEnd) }
            if steps > stepLimit { return .tooMuchWork }
            if next.count == 0 && anchored { return .noMatch }
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
    /// Index into ``LinearRegex/sets``.
    case set(Int)
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
    /// ASCII members as a bitmap (filled by ``compiled()``), so most checks are one shift.
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(ranges: [ClosedRange<UInt32>] = [], negated: Bool = false) {
        self.ranges = ranges
        self.negated = negated
    }

    /// The set with its ASCII bitmap filled in.
    func compiled() -> ScalarSet {
        var set = self
        for v in UInt32(0)..<128 where ranges.contains(where: { $0.contains(v) }) {
            if v < 64 { set.low |= 1 << UInt64(v) } else { set.high |= 1 << UInt64(v - 64) }
        }
        return set
    }

    func contains(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        var inside = false
        if v < 64 {
            inside = low & (1 << UInt64(v)) != 0
        } else if v < 128 {
            inside = high & (1 << UInt64(v - 64)) != 0
        } else {
            for range in ranges where range.contains(v) {
                inside = true
                break
            }
        }
        return inside != negated
    }

    static let digit = ScalarSet(ranges: [48...57])
    static let word = ScalarSet(ranges: [48...57, 65...90, 95...95, 97...122])
    static let space = ScalarSet(ranges: [9...13, 32...32])
}

/// The threads alive at one input position, each a program counter, without duplicates: `seen` holds the
/// generation in which a counter was last added, so clearing the list is one increment.
struct ThreadList {
    let items: UnsafeMutableBufferPointer<Int>
    let seen: UnsafeMutableBufferPointer<Int>
    /// Scratch for following jumps and splits (shared: used only inside `add`).
    let stack: UnsafeMutableBufferPointer<Int>
    var count = 0
    var generation = 1

    /// `storage` holds twice the program's length; `stack` twice that plus two.
    init(_ storage: UnsafeMutableBufferPointer<Int>, stack: UnsafeMutableBufferPointer<Int>) {
        let half = storage.count / 2
        items = UnsafeMutableBufferPointer(rebasing: storage[0..<half])
        seen = UnsafeMutableBufferPointer(rebasing: storage[half...])
        self.stack = stack
    }

    mutating func clear() {
        count = 0
        generation += 1
    }

    func containsMatch(_ program: [RegexInstruction]) -> Bool {
        for i in 0..<count {
            if case .match = program[items[i]] { return true }
        }
        return false
    }

    /// Adds `start` and everything reachable from it without consuming input.
    mutating func add(_ start: Int, _ program: [RegexInstruction], atStart: Bool, atEnd: Bool) {
        var top = 0
        stack[top] = start
        top += 1
        while top > 0 {
            top -= 1
            let pc = stack[top]
            guard seen[pc] != generation else { continue }
            seen[pc] = generation
            switch program[pc] {
            case .jump(let target):
                stack[top] = target
                top += 1
            case .split(let a, let b):
                stack[top] = b
                stack[top + 1] = a
                top += 2
            case .assertStart:
                if atStart {
                    stack[top] = pc + 1
                    top += 1
                }
            case .assertEnd:
                if atEnd {
                    stack[top] = pc + 1
                    top += 1
                }
            default:
                items[count] = pc
                count += 1
            }
        }
    }
}
