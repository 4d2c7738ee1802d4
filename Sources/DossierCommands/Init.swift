import ArgumentParser
import DossierCore
import DossierScaffold

extension DossierCommand {
    /// `dossier init`: write the starter workspace (control map, narratives, evidence READMEs, CI examples).
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a workspace from the SOC 2 starter kit.",
            discussion: """
                Writes controls.yaml (every control planned), one narrative template per area, an evidence folder \
                with a README per control, a .gitignore and CI examples, then runs `git init` unless the folder \
                is already inside a git work tree. Controls are cut to the scope: criteria of other categories \
                are dropped and controls left with none are not written. Also writes a starter risk register \
                (risks.yaml), vendor inventory (vendors.yaml) and draft policies (policies/) to adapt.

                Refuses a non-empty folder (one holding only .git is fine) unless --force is given; even then \
                existing files are never overwritten, only listed as skipped.

                Exit codes: 0 created; 2 when the folder is not empty, cannot be written, or an option is invalid.
                """)

        @Argument(help: "The folder to create the workspace in (created when missing).", completion: .directory)
        var directory: String = "."

        @Option(help: ArgumentHelp("The organisation's name (default: the folder's name).", valueName: "name"))
        var org: String?

        @Option(help: ArgumentHelp("The name of the system in scope (default: \"<org> Platform\").", valueName: "name"))
        var system: String?

        @Option(
            help: ArgumentHelp(
                "Trust Services Categories, comma-separated: security, availability, confidentiality, processing-integrity, privacy.",
                discussion: "Security is always included. Default: security, availability, confidentiality.",
                valueName: "list"))
        var scope: String?

        @Flag(help: "Write into a non-empty folder, adding only the files that are missing.")
        var force = false

        func validate() throws {
            for (flag, value) in [("--org", org), ("--system", system)] {
                if let value, let problem = StarterWorkspace.nameProblem(value) {
                    throw ValidationError("\(flag) \(problem)")
                }
            }
            if let scope, case .failure(let error) = StarterWorkspace.parseScope(scope) {
                throw ValidationError(error.description)
            }
        }

        func run() throws {
            let categories = try scope.map { try StarterWorkspace.parseScope($0).get() }
            let initializer = WorkspaceInitializer(
                directory: directory, organization: org, system: system, scope: categories, force: force)
            do {
                let report = try initializer.run()
                Output.write(report.text(displayPath: directory))
            } catch {
                Output.error("error: \(error)")
                throw Exit.invalid
            }
        }
    }
}
