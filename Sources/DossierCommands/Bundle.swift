import ArgumentParser
import DossierBundle
import DossierCore
import DossierSite

extension DossierCommand {
    /// `dossier bundle`: pack the committed workspace into a BagIt bag inside a zip or tar.gz for the auditor.
    struct Bundle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Pack the committed workspace into a verifiable audit bundle (a BagIt 1.0 bag in a zip or tar.gz).",
            discussion: """
                Writes <org>-soc2-<YYYYMMDDTHHMMSSZ>.zip (or .tar.gz) holding bagit.txt, bag-info.txt, SHA-256 and \
                SHA-512 manifests and data/: controls.yaml, the narratives, every evidence file a control \
                references, the rendered site, readiness.json, control-matrix.csv and provenance.csv. The time is \
                now in UTC, or SOURCE_DATE_EPOCH: the same commit and SOURCE_DATE_EPOCH give the same bytes.

                Check a bundle with `dossier verify`. Exit codes: 0 written; 1 writing failed; 2 invalid input, \
                dirty evidence (without --allow-dirty) or names a bag cannot hold.
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp(
                "The folder to write the bundle to.", discussion: "Default: WORKSPACE/dist (git-ignored).",
                valueName: "dir"),
            completion: .directory)
        var output: String?

        @Option(help: "The archive format: zip (opens natively on Windows and macOS) or tar.gz.")
        var format: BundleFormat = .zip

        @Flag(
            name: .customLong("allow-dirty"),
            help: "Ship modified, staged or untracked files as found, marked dirty in the bundle.")
        var allowDirty = false

        @Flag(name: .shortAndLong, help: "No progress bar.")
        var quiet = false

        func run() throws {
            let time: Int64
            do {
                time = try Clock.now()
            } catch {
                throw ValidationError(error.description)
            }
            let assessment = try options.pipeline().run()
            let printer = DiagnosticPrinter(
                colour: Output.colour(fd: 2), source: { [workspace = assessment.workspace] in workspace.text($0) })
            let (templates, templateDiagnostics) = TemplateSet.load(
                workspace: assessment.workspace, overrideDirectory: nil)
            let diagnostics = assessment.diagnostics + templateDiagnostics
            guard !diagnostics.hasErrors else {
                Output.error(printer.render(diagnostics.filter { $0.severity != .note }))
                Output.error("error: the workspace has errors; fix them before bundling")
                throw Exit.invalid
            }
            let siteWarnings = SiteWarnings()
            let bar = ProgressBar(quiet: quiet)
            let bundler = Bundler(
                assessment: assessment,
                options: BundleOptions(format: format, outputDirectory: output, allowDirty: allowDirty, time: time),
                renderSite: Self.siteRendering(assessment, templates, siteWarnings),
                progress: bar.map { bar in { bar.update($0) } })
            let result: BundleResult
            do {
                result = try bundler.write()
            } catch {
                bar?.finish()
                switch error {
                case .refused(let diagnostics):
                    Output.error(printer.render(diagnostics))
                    Output.error("error: no bundle written")
                    throw Exit.invalid
                case .failed(let message):
                    Output.error("error: \(message)")
                    throw ExitCode.failure
                }
            }
            bar?.finish()
            let warnings = result.warnings + siteWarnings.diagnostics
            if !warnings.isEmpty {
                // Never quote the source line: it may hold the very secret being warned about.
                Output.error(
                    DiagnosticPrinter(colour: Output.colour(fd: 2), source: { _ in nil }).render(warnings))
            }
            Output.write(
                """
                bundle  \(result.path)
                size    \(result.size) bytes (\(ByteCount(result.size)))
                files   \(result.files) (\(result.payloadFiles) payload files, \(result.payloadBytes) bytes; \(result.evidenceFiles) evidence files)
                sha256  \(result.sha256)

                """)
        }

        /// Renders the readiness site that goes under data/site/, with the digests the bundler computed while
        /// archiving the evidence. Evidence is not copied into the site: the bag already holds it under data/.
        /// Site warnings of the last rendering (the one with real digests) are kept in `warnings`.
        static func siteRendering(
            _ assessment: Assessment, _ templates: TemplateSet, _ warnings: SiteWarnings
        ) -> SiteRendering {
            { digests in
                var files = SiteRenderer(
                    assessment: assessment, digests: digests, templates: templates,
                    options: SiteOptions(includeEvidence: false, evidenceBeside: BagPath.siteLinks(digests.keys))
                ).files()
                return { sink in
                    if let path = try files.next(into: sink) { return path }
                    if files.diagnostics.hasErrors {
                        throw SiteFailure(diagnostics: files.diagnostics.filter { $0.severity == .error })
                    }
                    warnings.diagnostics = files.diagnostics.filter { $0.severity == .warning }
                    return nil
                }
            }
        }
    }

    /// Warnings from rendering the site inside a bundle, printed once the bundle is written.
    final class SiteWarnings {
        var diagnostics: [Diagnostic] = []
    }

    struct SiteFailure: Error, CustomStringConvertible {
        var diagnostics: [Diagnostic]
        var description: String { diagnostics.map(\.message).joined(separator: "; ") }
    }
}

extension BundleFormat: ExpressibleByArgument {}
