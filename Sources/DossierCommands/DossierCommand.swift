import ArgumentParser
import DossierCore
import DossierGit

/// The root command: `dossier check|build|bundle|verify|collect|init|import`.
public struct DossierCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "SOC 2 readiness kept as code: judge readiness, publish a site, pack an audit bundle.",
        discussion: """
            A workspace is a git work tree holding controls.yaml (the control map), narratives/ (Markdown) and \
            evidence/ (committed exports, screenshots, PDFs). Evidence is dated by a date declared in \
            evidence/collected.yaml, else by the date in its file name when the commit is at most \
            max_collection_lag_days later, else by the commit that last changed it.

            Exit codes: 0 valid workspace; 1 with --strict when anything is not ready; 2 invalid input or misuse.
            """,
        version: "dossier \(DossierVersion.current)",
        subcommands: [
            Check.self, Build.self, Bundle.self, Verify.self, Collect.self, Init.self, ImportCommand.self,
            PopulationCommand.self, SampleCommand.self, RequestsCommand.self, ExportCommand.self,
        ],
        defaultSubcommand: nil)

    public init() {}

    /// Runs the command line and exits: 2 for misuse (ArgumentParser's own 64 is folded into 2 so that scripts
    /// see one code for "fix your input").
    public static func entry(_ arguments: [String]? = nil) -> Never {
        MallocArenas.useOne()
        Output.endQuietlyOnClosedPipe()
        suggestCommand(arguments ?? Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Self.exit()
        } catch {
            let code = exitCode(for: error)
            if code == .success || code == .failure || code.rawValue == 2 {
                Self.exit(withError: error)
            }
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { Output.error(message) }
                Self.exit(withError: ExitCode(2))
            }
            Self.exit(withError: error)
        }
    }
}

extension DossierCommand {
    /// The root takes no arguments of its own, so a first word that names no subcommand is a typo: say which
    /// command was probably meant, and exit 2, instead of ArgumentParser's bare "Unexpected argument".
    static func suggestCommand(_ arguments: [String]) {
        let names = configuration.subcommands.map { $0._commandName } + ["help"]
        // `dossier help chek` would print the root help and exit 0.
        let word = arguments.first == "help" ? arguments.dropFirst().first : arguments.first
        guard let first = word, !first.hasPrefix("-"), !names.contains(first) else { return }
        var message = "error: unknown command `\(first)`"
        if let near = NearestName.to(first, in: names) { message += "; did you mean `\(near)`?" }
        Output.error(message + "\n  hint: the commands are " + names.dropLast().joined(separator: ", "))
        Self.exit(withError: Exit.invalid)
    }
}

/// Exit codes shared by every subcommand.
enum Exit {
    static let notReady = ExitCode(1)
    static let invalid = ExitCode(2)
}
