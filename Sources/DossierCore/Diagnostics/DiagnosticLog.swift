import Synchronization

/// Where every step of a run reports the problems it finds: loading the control map, scanning evidence,
/// reading narratives and templates, rendering the site, packing the bundle.
///
/// One log per run, shared by reference, so a step never returns problems in a tuple or leaves them in a
/// property for its caller to collect. Safe to report into from several threads (the site renders pages on
/// two); the order of reports is kept, and printing sorts them for display.
public final class DiagnosticLog: Sendable {
    private let entries = Mutex<[Diagnostic]>([])

    public init() {}

    public func report(_ diagnostic: Diagnostic) {
        entries.withLock { $0.append(diagnostic) }
    }

    public func report(_ diagnostics: some Sequence<Diagnostic>) {
        entries.withLock { $0.append(contentsOf: diagnostics) }
    }

    /// Everything reported so far, in the order it was reported.
    public var diagnostics: [Diagnostic] { entries.withLock { $0 } }

    public var hasErrors: Bool { entries.withLock { $0.hasErrors } }

    /// What a person is shown: errors and warnings, the same kind repeated in one file capped
    /// (`DiagnosticCap`), so `check`, `build` and `bundle` print the same lines.
    public var shown: [Diagnostic] { DiagnosticCap.capped(diagnostics).shown }
}
