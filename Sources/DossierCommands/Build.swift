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
            let startedAt = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
            let pipeline = try options.pipeline()
            let printer = DiagnosticPrinter(
                colour: Output.colour(fd: 2), source: { [workspace = pipeline.workspace] in workspace.text($0) })
            let directory =
                output.map { URL(fileURLWithPath: $0).standardizedFileURL.path } ?? pipeline.workspace.root + "/site"
            let siteInputs = SiteInputs(
                workspace: pipeline.workspace, output: directory,
                templateDirectory: templates.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
                includeEvidence: includeEvidence, asOfOverride: pipeline.asOfOverride, today: pipeline.today)
            if !force, let stamp = siteInputs.unchangedStamp() {
                if !stamp.diagnostics.isEmpty { Output.error(printer.render(stamp.diagnostics)) }
                Output.write(
                    "\(stamp.pages) pages in \(directory) are up to date: nothing the site is made from changed "
                        + "since they were written (--force rebuilds)\n")
                return
            }
            let assessment = pipeline.run()
            // Taken before the site is written: what this build read, described as it was when it was read.
            let snapshot = siteInputs.snapshot(of: assessment)
            let (templateSet, templateDiagnostics) = TemplateSet.load(
                workspace: assessment.workspace, overrideDirectory: templates)
            var diagnostics = assessment.diagnostics + templateDiagnostics
            guard !diagnostics.hasErrors else {
                let broken = !assessment.controlMapErrors.isEmpty
                Output.error(
                    printer.render(
                        broken ? assessment.controlMapDiagnostics : diagnostics.filter { $0.severity != .note }))
                if broken { Output.error(assessment.controlMapVerdict) }
                Output.error("error: the workspace has errors; no site was written")
                throw Exit.invalid
            }
            let digests = EvidenceDigest.digests(of: assessment.readiness.inventory, root: assessment.workspace.root)
            var files = SiteRenderer(
                assessment: assessment, digests: digests, templates: templateSet,
                options: SiteOptions(includeEvidence: includeEvidence)
            ).files()
            if ProcessInfo.processInfo.activeProcessorCount > 1 { files = files.renderingAhead() }
            let paths = files.paths
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
            let pages = paths.filter { $0.hasSuffix(".html") }.count
            if let snapshot {
                siteInputs.save(snapshot, startedAt: startedAt, pages: pages, diagnostics: shown)
            }
            var line = "wrote \(pages) pages to \(directory)"
            if includeEvidence { line += " (with \(copies) evidence file\(copies == 1 ? "" : "s"))" }
            Output.write(line + "\n")
        }
    }
}
