import ArgumentParser
import DossierBundle
import DossierCore

extension DossierCommand {
    /// `dossier bundle`: pack the committed workspace into a BagIt bag inside a zip or tar.gz for the auditor.
    struct Bundle: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Pack the committed workspace into a verifiable audit bundle (a BagIt 1.0 bag in a zip or tar.gz).",
            discussion: """
                Writes <org>-soc2-<YYYYMMDDTHHMMSSZ>.zip (or .tar.gz) holding README.txt (what is inside and how \
                to check it with stock tools), bagit.txt, bag-info.txt, SHA-256 and SHA-512 manifests and data/: \
                controls.yaml, the narratives, every evidence file a control references, the rendered site (its \
                evidence paths open the files beside it), readiness.json (with every evidence test's outcome), \
                control-matrix.csv and provenance.csv. The time is \
                now in UTC, or SOURCE_DATE_EPOCH: the same commit and SOURCE_DATE_EPOCH give the same bytes.

                Check a bundle with `dossier verify`. Exit codes: 0 written; 1 writing failed; 2 invalid input, \
                dirty evidence (without --allow-dirty), unacknowledged secrets (without --allow-secrets), names a \
                bag cannot hold or a key that cannot sign.
                """)

        @OptionGroup var options: WorkspaceOptions

        @Option(
            name: [.customShort("o"), .customLong("output")],
            help: ArgumentHelp(
                "The folder to write the bundle to.", discussion: "Default: WORKSPACE/dist (git-ignored).",
                valueName: "dir"),
            completion: .directory)
        var output: String?

        @Option(help: "The archive format: zip (opens natively on Windows and macOS) or tar.gz (also spelt tgz).")
        var format: BundleFormat = .zip

        @Flag(
            name: .customLong("allow-dirty"),
            help: ArgumentHelp(
                "Bundle a working tree with uncommitted changes instead of refusing.",
                discussion: """
                    Modified and staged files are shipped as found and marked dirty in bag-info.txt and \
                    provenance.csv; untracked and deleted files are left out, and each is named on the console \
                    and in bag-info.txt.
                    """))
        var allowDirty = false

        @Flag(
            name: .customLong("allow-secrets"),
            help: ArgumentHelp(
                "Ship files with secret findings nobody acknowledged instead of refusing.",
                discussion: """
                    Without it, a file to ship in which the secret scan finds a credential refuses the bundle \
                    unless the finding is acknowledged in .dossier-secrets (path:line:kind and a reason). \
                    Acknowledged findings, and with this flag the unacknowledged ones, are listed in \
                    bag-info.txt so the auditor sees what was decided.
                    """))
        var allowSecrets = false

        @Option(
            help: ArgumentHelp(
                "Sign the bundle with this SSH key; the signature goes to <bundle>.sig.",
                discussion: """
                    A private key file, or a public key file whose private half is in ssh-agent (as git's \
                    user.signingkey with gpg.format=ssh). Signed by ssh-keygen -Y sign in the namespace \
                    dossier-bundle; bag-info.txt records the key's fingerprint. A key with a passphrase must be \
                    in the agent.
                    """,
                valueName: "key"),
            completion: .file())
        var sign: String?

        @Flag(name: .shortAndLong, help: "No progress bar.")
        var quiet = false

        func run() throws {
            let time: Int64
            do {
                time = try Clock.now()
            } catch {
                throw ValidationError(error.description)
            }
            let build = BundleBuild(
                pipeline: try options.pipeline(),
                options: BundleOptions(
                    format: format, outputDirectory: output, allowDirty: allowDirty, allowSecrets: allowSecrets,
                    time: time, signingKey: sign))
            let printer = DiagnosticPrinter(
                colour: Output.colour(fd: 2), source: { [workspace = build.pipeline.workspace] in workspace.text($0) })
            let bar = ProgressBar(quiet: quiet)
            let outcome: BundleBuild.Outcome
            do {
                outcome = try build.run(progress: bar.map { bar in { bar.update($0) } })
            } catch {
                bar?.finish()
                if !error.diagnostics.isEmpty { Output.error(printer.render(error.diagnostics)) }
                Output.error("error: \(error.description)")
                if case .failed = error { throw ExitCode.failure }
                throw Exit.invalid
            }
            bar?.finish()
            if !outcome.warnings.isEmpty {
                // Never quote the source line: it may hold the very secret being warned about.
                Output.error(
                    DiagnosticPrinter(colour: Output.colour(fd: 2), source: { _ in nil }).render(outcome.warnings))
            }
            let result = outcome.result
            Output.write(
                """
                bundle  \(result.path)
                size    \(result.size) bytes (\(ByteCount(result.size)))
                files   \(result.files) (\(result.payloadFiles) payload files, \(result.payloadBytes) bytes; \(result.evidenceFiles) evidence files)
                sha256  \(result.sha256)

                """)
            if let signature = result.signature {
                Output.write("signed  \(signature.path) (\(signature.key))\n")
            }
        }
    }
}

extension BundleFormat: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { names }
}
