/// Turns a ``RegexParser`` tree into Pike VM instructions (Thompson's construction), refusing programs
/// larger than ``LinearRegex/maxProgram`` so counted repetition cannot blow up the work per character.
struct RegexCompiler {
    var code: [RegexInstruction] = []
    var sets: [ScalarSet] = []

    mutating func emit(_ node: RegexParser.Node) throws(RegexSyntaxError) {
        guard code.count <= LinearRegex.maxProgram else {
            throw RegexSyntaxError(
                message: "pattern is too large once its counts are expanded (over \(LinearRegex.maxProgram) steps)")
        }
        switch node {
        case .empty: break
        case .char(let c): code.append(.char(c))
        case .any: code.append(.any)
        case .set(let s):
            sets.append(s.compiled())
            code.append(.set(sets.count - 1))
        case .start: code.append(.assertStart)
        case .end: code.append(.assertEnd)
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            var jumps: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index < branches.count - 1 {
                    let split = code.count
                    code.append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(code.count)
                    code.append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { code[jump] = .jump(code.count) }
        case .repetition(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                // x{0,k}: nested optionals, each one a split that may skip to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(code.count)
                    code.append(.split(0, 0))
                    try emit(inner)
                }
                for split in splits { code[split] = .split(split + 1, code.count) }
            } else {
                let split = code.count
                code.append(.split(split + 1, 0))
                try emit(inner)
                code.append(.jump(split))
                code[split] = .split(split + 1, code.count)
            }
        }
    }
}
