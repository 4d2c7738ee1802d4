import ArgumentParser
import DossierCore
import DossierSite

extension DossierCommand {
    /// `dossier build`: judge readiness, then write the static readiness site.
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the static readiness site.",
            discussion: """
                Writes a complete, self-contained site (default WORKSPACE/site/): dashboard, criteria, controls, \
                narratives, evidence inventory and gaps by owner. It replaces an earlier build without leaving \
                stale pages, and refuses to replace a folder that is not a Dossier site. Templates come from the \
                built-in set, overridden file by file by WORKSPACE/templates/ or --templates DIR.

                When nothing the site is made from changed since the last build (the control map, narratives, \
                templates, evidence files, what git says about HEAD, the index and the evidence, the options and \
                the as-of day) and the folder is as that build left it, the site is left alone and its warnings \
                are printed again; --force renders it anyway. The record of the last build is kept in the git \
                folder (.git/dossier/site-stamp).

                Exit codes: 0 site written or already up to date (warnings are printed); 2 invalid input \
                (nothing is written).
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(
            name: [.short, .customLong("output")],
            help: ArgumentHelp("The folder to write the site into.", valueName: "dir"),
            completion: .directory)
        var output: String?

        @Option(
            help: ArgumentHelp(
                "Override built-in templates file by file from this folder (instead of WORKSPACE/templates).",
                valueName: "dir"), completion: .directory)
        var templates: String?

        @Flag(help: "Copy usable evidence files into the site (by default the site lists their metadata only).")
        var includeEvidence = false

        @Flag(help: "Render and write the site even when nothing changed since the last build.")
        var force = false

        func run() throws {
            let build = SiteBuild(
                pipeline: try options.pipeline(), output: output, templateDirectory: templates,
                includeEvidence: includeEvidence, force: force)
            let printer = DiagnosticPrinter(
                colour: Output.colour(fd: 2), source: { [workspace = build.pipeline.workspace] in workspace.text($0) })
            let outcome: SiteBuild.Outcome
            do {
                outcome = try build.run()
            } catch {
                if !error.diagnostics.isEmpty { Output.error(printer.render(error.diagnostics)) }
                Output.error("error: \(error.description)")
                throw Exit.invalid
            }
            if !outcome.diagnostics.isEmpty { Output.error(printer.render(outcome.diagnostics)) }
            if outcome.unchanged {
                Output.write(
                    "\(outcome.pages) pages in \(build.output) are up to date: nothing the site is made from "
                        + "changed since they were written (--force rebuilds)\n")
                return
            }
            var line = "wrote \(outcome.pages) pages to \(build.output)"
            if includeEvidence {
                line += " (with \(outcome.evidenceCopies) evidence file\(outcome.evidenceCopies == 1 ? "" : "s"))"
            }
            Output.write(line + "\n")
        }
    }
}
