/// Parses ``LinearRegex``'s subset into a tree; everything outside it is a ``RegexSyntaxError`` that says what.
struct RegexParser {
    indirect enum Node {
        case empty
        case char(Unicode.Scalar)
        case any
        case set(ScalarSet)
        case start, end
        case concat([Node])
        case alternate([Node])
        case repetition(Node, min: Int, max: Int?)
    }

    /// Largest count in `{n,m}`.
    static let maxCount = 100

    let scalars: [Unicode.Scalar]
    var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func parse() throws(RegexSyntaxError) -> Node {
        let node = try alternation(depth: 0)
        if position < scalars.count { throw fail("unmatched `)`") }
        return node
    }

    private func fail(_ message: String) -> RegexSyntaxError {
        RegexSyntaxError(message: "\(message) at character \(position + 1)")
    }

    private var peek: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

    private mutating func alternation(depth: Int) throws(RegexSyntaxError) -> Node {
        guard depth < 50 else { throw fail("groups nest too deeply") }
        var branches = [try sequence(depth: depth)]
        while peek == "|" {
            position += 1
            branches.append(try sequence(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    private mutating func sequence(depth: Int) throws(RegexSyntaxError) -> Node {
        var items: [Node] = []
        while let c = peek, c != "|", c != ")" {
            var atom = try self.atom(depth: depth)
            while let q = peek, q == "*" || q == "+" || q == "?" || q == "{" {
                if case .start = atom { throw fail("nothing to repeat") }
                if case .end = atom { throw fail("nothing to repeat") }
                let (min, max) = try quantifier()
                atom = .repetition(atom, min: min, max: max)
                if peek == "?" { position += 1 }  // lazy: the same yes/no answer
                if let next = peek, next == "*" || next == "+" || next == "{" {
                    throw fail("a quantifier cannot follow another (possessive forms are not supported)")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : items.isEmpty ? .empty : .concat(items)
    }

    private mutating func quantifier() throws(RegexSyntaxError) -> (Int, Int?) {
        let c = scalars[position]
        position += 1
        switch c {
        case "*": return (0, nil)
        case "+": return (1, nil)
        case "?": return (0, 1)
        default: break
        }
        let low = number()
        guard let low else { throw fail("`{` must start a count such as `{2}` or `{1,3}` (escape it as `\\{`)") }
        var high: Int? = low
        if peek == "," {
            position += 1
            high = number()
        }
        guard peek == "}" else { throw fail("unclosed count `{`") }
        position += 1
        guard low <= Self.maxCount, (high ?? low) <= Self.maxCount else {
            throw fail("counts above \(Self.maxCount) are not supported")
        }
        if let high, high < low { throw fail("count `{\(low),\(high)}` goes backwards") }
        return (low, high)
    }

    private mutating func number() -> Int? {
        var value: Int?
        while let c = peek, ("0"..."9").contains(c) {
            value = min((value ?? 0) * 10 + Int(c.value - 48), 1_000_000)
            position += 1
        }
        return value
    }

    private mutating func atom(depth: Int) throws(RegexSyntaxError) -> Node {
        let c = scalars[position]
        position += 1
        switch c {
        case ".": return .any
        case "^": return .start
        case "$": return .end
        case "(":
            if peek == "?" {
                guard position + 1 < scalars.count, scalars[position + 1] == ":" else {
                    throw fail("look-around and named groups are not supported (only `(?:…)`)")
                }
                position += 2
            }
            let inner = try alternation(depth: depth + 1)
            guard peek == ")" else { throw fail("unclosed group `(`") }
            position += 1
            return inner
        case "[": return .set(try bracket())
        case "\\": return try escape(inBracket: false)
        case "*", "+", "?": throw fail("nothing to repeat before `\(c)`")
        case "{": throw fail("nothing to repeat before `{` (escape it as `\\{`)")
        default: return .char(c)
        }
    }

    private mutating func escape(inBracket: Bool) throws(RegexSyntaxError) -> Node {
        guard let c = peek else { throw fail("`\\` at the end of the pattern") }
        position += 1
        switch c {
        case "d": return .set(.digit)
        case "D": return .set(ScalarSet(ranges: ScalarSet.digit.ranges, negated: true))
        case "w": return .set(.word)
        case "W": return .set(ScalarSet(ranges: ScalarSet.word.ranges, negated: true))
        case "s": return .set(.space)
        case "S": return .set(ScalarSet(ranges: ScalarSet.space.ranges, negated: true))
        case "t": return .char("\t")
        case "n": return .char("\n")
        case "r": return .char("\r")
        case "1"..."9": throw fail("back-references cannot run in linear time and are not supported")
        case "b", "B", "A", "z", "Z", "G": throw fail("`\\\(c)` is not supported; use `^` and `$`")
        default:
            if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) {
                throw fail("unknown escape `\\\(c)`")
            }
            return .char(c)
        }
    }

    private mutating func bracket() throws(RegexSyntaxError) -> ScalarSet {
        var set = ScalarSet()
        if peek == "^" {
            set.negated = true
            position += 1
        }
        var first = true
        while true {
            guard let c = peek else { throw fail("unclosed `[`") }
            if c == "]" && !first {
                position += 1
                return set
            }
            first = false
            position += 1
            var low: UInt32
            if c == "\\" {
                switch try escape(inBracket: true) {
                case .char(let s): low = s.value
                case .set(let inner) where !inner.negated:
                    set.ranges += inner.ranges
                    continue
                default: throw fail("negated classes (`\\D`, `\\W`, `\\S`) are not supported inside `[ ]`")
                }
            } else {
                low = c.value
            }
            if peek == "-", position + 1 < scalars.count, scalars[position + 1] != "]" {
                position += 1
                var high = scalars[position].value
                position += 1
                if high == 92 {  // backslash
                    guard case .char(let s) = try escape(inBracket: true) else {
                        throw fail("a range cannot end in a class")
                    }
                    high = s.value
                }
                guard low <= high else { throw fail("range goes backwards") }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
    }
}
