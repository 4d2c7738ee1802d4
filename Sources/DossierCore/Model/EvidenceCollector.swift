/// How a piece of evidence gathers itself (`collect:` on an evidence requirement): a command the team
/// already trusts, run by `dossier collect`, whose output is saved where the requirement's glob expects it.
public struct EvidenceCollector: Sendable, Hashable {
    /// The argument vector as written (`run: [aws, iam, get-account-password-policy]`); with `shell`, one
    /// element: the script `/bin/sh -c` runs.
    public var run: [String]
    public var shell: Bool
    /// Where the output goes, relative to the workspace, with `{date}`, `{datetime}` and `{control}`.
    public var output: String
    /// A file the command writes itself (relative to the workspace) instead of printing the evidence.
    public var writes: String?
    public var timeoutSeconds: Int
    /// Variables passed through from Dossier's environment, besides PATH and HOME.
    public var environment: [String]
    /// Where `collect:` is written in `controls.yaml`.
    public var mark: SourceMark?

    public static let defaultTimeoutSeconds = 60
    public static let placeholders = ["date", "datetime", "control"]

    public init(
        run: [String], shell: Bool = false, output: String, writes: String? = nil,
        timeoutSeconds: Int = EvidenceCollector.defaultTimeoutSeconds, environment: [String] = [],
        mark: SourceMark? = nil
    ) {
        self.run = run
        self.shell = shell
        self.output = output
        self.writes = writes
        self.timeoutSeconds = timeoutSeconds
        self.environment = environment
        self.mark = mark
    }

    /// The command for people and for provenance: the words as written, joined by spaces.
    public var commandLine: String { run.joined(separator: " ") }

    /// The argument vector to execute.
    public var argv: [String] { shell ? ["/bin/sh", "-c", run.joined(separator: " ")] : run }

    /// `output` with its placeholders filled in: `{date}` 2026-10-01, `{datetime}` 2026-10-01T060000Z (UTC,
    /// no colons, so the name is valid everywhere), `{control}` the control's id.
    public func outputPath(control: String, at unixTime: Int64) -> String {
        Self.fill(output, control: control, at: unixTime)
    }

    static func fill(_ template: String, control: String, at unixTime: Int64) -> String {
        let day = CalendarDay(unixTime: unixTime)
        let seconds = Int(((unixTime % 86_400) + 86_400) % 86_400)
        let time = [seconds / 3600, seconds / 60 % 60, seconds % 60].map { String($0).leftPadded(2) }.joined()
        return template.replacingPlaceholders([
            "date": day.description, "datetime": "\(day)T\(time)Z", "control": control,
        ])
    }
}

extension String {
    /// `{name}` replaced by `values[name]`; anything else kept as written.
    func replacingPlaceholders(_ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                let value = values[String(rest[rest.index(after: open)..<close])]
            else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            result += value
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The names written as `{name}` in the text.
    var placeholderNames: [String] {
        var names: [String] = []
        var rest = Substring(self)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
