/// The fuzz targets: each takes untrusted bytes through one of Dossier's parsers and checks what must hold for
/// any input. A broken property stops the process (`fatalError`), which libFuzzer reports as a crash.
///
/// The same code runs under libFuzzer (`make fuzz`, see docs/fuzzing.md) and, in the ordinary build, over the
/// committed corpus (`dossier-fuzz replay`), so the harnesses keep building and the corpus keeps passing.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// `controls.yaml` bytes → the control map loader's diagnostics.
    case controls
    /// A narrative file (front matter and Markdown) → its diagnostics and the site's HTML.
    case narrative
    /// A zip or tar.gz → `dossier verify`'s report.
    case verify
    /// git's answers and the files under `.git/dossier`; the first byte picks the parser.
    case git
    /// An evidence requirement's `tests:` and one evidence file → outcomes; the file through the secret scanner.
    case evidenceTests = "evidence-tests"
    /// `risks.yaml`, `vendors.yaml` or a policy file; the first byte picks which.
    case registers
    /// An auditor's request list (CSV) → `requests import` and the `requests.yaml` it writes.
    case requests

    /// Runs one input through the target.
    public func run(_ bytes: [UInt8]) {
        switch self {
        case .controls: ControlMapTarget.run(bytes)
        case .narrative: NarrativeFuzzTarget.run(bytes)
        case .verify: VerifyTarget.run(bytes)
        case .git: GitParsersTarget.run(bytes)
        case .evidenceTests: EvidenceTestsTarget.run(bytes)
        case .registers: RegistersTarget.run(bytes)
        case .requests: RequestsTarget.run(bytes)
        }
    }
}

/// Stops the process when a property of the target does not hold: libFuzzer keeps the input as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError("fuzz property broken: \(message())") }
}
