import DossierCore

/// `risks.yaml`, `vendors.yaml` and a policy file → diagnostics; the first byte picks the parser, the rest is
/// its input. Never a crash, every diagnostic about the file points inside it, and what is kept is consistent.
enum RegistersTarget {
    static let path = "policies/fuzz.md"

    static func run(_ bytes: [UInt8]) {
        guard let selector = bytes.first else { return }
        let input = Array(bytes.dropFirst())
        let log = DiagnosticLog()
        let file: String
        switch selector % 3 {
        case 0:
            file = RiskRegister.file
            let register = RegisterParsers.risks(input, controlIDs: ["AC-001", "AC-002"], into: log)
            for risk in register.risks {
                require(
                    RiskScore.range.contains(risk.inherent.likelihood)
                        && RiskScore.range.contains(risk.inherent.impact),
                    "risk \(risk.id) kept a score out of range")
                require(
                    Set(risk.controls).isSubset(of: ["AC-001", "AC-002"]), "risk \(risk.id) kept an unknown control")
            }
            require(Set(register.risks.map(\.id)).count == register.risks.count, "two risks kept with one id")
        case 1:
            file = VendorRegister.file
            let register = RegisterParsers.vendors(input, into: log)
            require(Set(register.vendors.map(\.id)).count == register.vendors.count, "two vendors kept with one id")
        default:
            file = path
            if let policy = RegisterParsers.policy(path, input, controlIDs: ["AC-001"], into: log) {
                require(!log.hasErrors, "policy \(policy.id) kept despite errors")
                require(policy.isDraft == (policy.approvedBy == nil), "half an approval kept")
            }
        }
        let positions = InputPositions(input)
        for diagnostic in log.diagnostics where diagnostic.file == file {
            guard let line = diagnostic.line else { continue }
            require(
                positions.contains(line: line, column: diagnostic.column),
                "\(diagnostic.code.rawValue) at \(line):\(diagnostic.column ?? 0) is outside the input")
        }
    }
}
