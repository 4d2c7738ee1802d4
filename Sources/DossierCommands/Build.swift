import ArgumentParser
import DossierCore
import DossierSite
import Foundation

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

                Exit codes: 0 site written (warnings are printed); 2 invalid input (nothing is written).
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

        func run() throws {
            let assessment = try options.pipeline().run()
            let (templateSet, templateDiagnostics) = TemplateSet.load(
                workspace: assessment.workspace, overrideDirectory: templates)
            var diagnostics = assessment.diagnostics + templateDiagnostics
            let printer = DiagnosticPrinter(
                colour: Output.colour(fd: 2), source: { [workspace = assessment.workspace] in workspace.text($0) })
            guard !diagnostics.hasErrors else {
                Output.error(printer.render(diagnostics.filter { $0.severity != .note }))
                Output.error("error: the workspace has errors; no site was written")
                throw Exit.invalid
            }
            let digests = EvidenceDigest.digests(of: assessment.readiness.inventory, root: assessment.workspace.root)
            var files = SiteRenderer(
                assessment: assessment, digests: digests, templates: templateSet,
                options: SiteOptions(includeEvidence: includeEvidence)
            ).files()
            let paths = files.paths
            let directory =
                output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? assessment.workspace.root + "/site"
            // Pages are written as they render; the new site replaces the old one only if every page rendered.
            let written: Bool
            do {
                written = try SiteWriter(directory: directory).write(&files) { !$0.diagnostics.hasErrors }
            } catch {
                let shown = (diagnostics + files.diagnostics).filter { $0.severity != .note }
                if !shown.isEmpty { Output.error(printer.render(shown)) }
                Output.error("error: \(error.description)")
                throw Exit.invalid
            }
            diagnostics += files.diagnostics
            let shown = diagnostics.filter { $0.severity != .note }
            if !shown.isEmpty { Output.error(printer.render(shown)) }
            if !written {
                Output.error("error: the site could not be rendered; nothing was written")
                throw Exit.invalid
            }
            let copies = paths.filter { $0.hasPrefix("files/") }.count
            var line = "wrote \(paths.filter { $0.hasSuffix(".html") }.count) pages to \(directory)"
            if includeEvidence { line += " (with \(copies) evidence file\(copies == 1 ? "" : "s"))" }
            Output.write(line + "\n")
        }
    }
}
