/// The one-line verdicts commands end with: whether the control map can be trusted, and why `--strict` failed.
extension Assessment {
    /// Errors in the control map itself. While there are any, readiness figures would mislead (controls or
    /// fields were lost), so commands print the diagnostics and no figures.
    public var controlMapErrors: [Diagnostic] {
        diagnostics.filter { $0.severity == .error && $0.file == Workspace.controlMapFile }
    }

    /// What to show while the control map has errors: its own diagnostics. Everything else was judged against
    /// a map that lost controls (every narrative reference to them, every evidence file they name) and would
    /// only bury the one mistake that matters.
    public var controlMapDiagnostics: [Diagnostic] {
        diagnostics.filter { $0.file == Workspace.controlMapFile && $0.severity != .note }
    }

    /// What a command that stops on errors shows: while the control map has errors, only its own diagnostics
    /// (the rest were judged against a map that lost controls); otherwise every error and warning in `log`.
    public func diagnosticsToShowWhenInvalid(_ log: DiagnosticLog) -> [Diagnostic] {
        controlMapErrors.isEmpty ? log.shown : controlMapDiagnostics
    }

    /// `controlMapVerdict` when the control map has errors, else nil.
    public var verdictWhenInvalid: String? { controlMapErrors.isEmpty ? nil : controlMapVerdict }

    /// The last line of a run stopped by control map errors (printed after `error: `).
    public var controlMapVerdict: String {
        let n = controlMapErrors.count
        let others = diagnostics.filter { $0.file != Workspace.controlMapFile && $0.severity != .note }.count
        return "\(Workspace.controlMapFile) has \(n) error\(n == 1 ? "" : "s"); "
            + "readiness is not judged until \(n == 1 ? "it is" : "they are") fixed"
            + (others == 0 ? "" : " (\(others) other diagnostic\(others == 1 ? "" : "s") held back until then)")
    }

    /// Why `--strict` fails, as one line; nil when every applicable criterion is covered, every control is
    /// ready or not applicable, and no file a bundle would ship has a secret finding nobody acknowledged.
    public var strictFailure: String? {
        let r = readiness
        let secrets = self.secrets.unacknowledged.count
        guard !r.isComplete || secrets > 0 else { return nil }
        var parts: [String] = []
        let uncovered = r.applicable - r.covered
        if uncovered > 0 {
            parts.append("\(uncovered) of \(r.applicable) applicable criteria not covered")
        }
        let states = ControlState.allCases.filter { $0 != .ready && $0 != .notApplicable }
        let counts = states.compactMap { state -> String? in
            let n = r.controls.filter { $0.state == state }.count
            return n == 0 ? nil : "\(n) \(state.label)"
        }
        if !counts.isEmpty {
            parts.append("controls not ready: " + counts.joined(separator: ", "))
        }
        if secrets > 0 {
            parts.append(
                "\(secrets) secret finding\(secrets == 1 ? "" : "s") nobody acknowledged (a bundle would refuse \(secrets == 1 ? "it" : "them"))"
            )
        }
        return "error: --strict: not ready: " + parts.joined(separator: "; ")
    }
}
