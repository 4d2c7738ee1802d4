import ArgumentParser
import DossierBundle
import Foundation

extension DossierCommand {
    /// `dossier verify`: check a bundle without unpacking it, and print a summary for the working papers.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check that an audit bundle is intact, without unpacking it.",
            discussion: """
                Streams the archive, recomputes every SHA-256 and SHA-512, and checks bagit.txt, bag-info.txt \
                (Payload-Oxum), both payload manifests and both tag manifests: every listed file is present and \
                unchanged, nothing unlisted is present. Links, absolute paths, `..`, duplicate names (also after \
                Unicode normalisation and case folding) and over-large or over-compressed entries are refused.

                A signature beside the bundle (<bundle>.sig, written by `dossier bundle --sign`) is checked \
                first, with ssh-keygen: with --allowed-signers, that a key the file lists for the signer (in the \
                namespace dossier-bundle) signed these very bytes; without it, only that the signature is valid \
                and by which key, since who holds that key was not checked. A signature that fails stops the \
                check before the archive is read.

                Exit codes: 0 intact (and, with --allowed-signers, signed by an allowed signer); 1 not intact, or \
                a missing, malformed or wrong signature (each problem listed); 2 misuse, ssh-keygen missing, or \
                a file that cannot be read as a zip or tar.gz.
                """)

        @Argument(help: "The bundle (.zip or .tar.gz) written by `dossier bundle`.", completion: .file())
        var bundle: String

        @Option(
            name: .customLong("allowed-signers"),
            help: ArgumentHelp(
                "Check that <bundle>.sig was made by a key this OpenSSH allowed_signers file lists.",
                valueName: "file"),
            completion: .file())
        var allowedSigners: String?

        @Option(
            help: ArgumentHelp(
                "The identity (principal in the allowed signers file) that must have signed.",
                discussion: "Default: any identity the file lists for the signing key.",
                valueName: "identity"))
        var signer: String?

        @Flag(help: "Print one JSON document instead of the text summary.")
        var json = false

        func validate() throws {
            if signer != nil && allowedSigners == nil {
                throw ValidationError("--signer needs --allowed-signers: an identity is checked against that file")
            }
        }

        func run() throws {
            let report: VerificationReport
            do {
                report = try BundleCheck(bundle: bundle, allowedSigners: allowedSigners, signer: signer).run()
            } catch {
                if json { Output.write(try Self.encode(Unreadable(bundle: bundle, error: error.description))) }
                Output.error("error: \(error.description)")
                if case .signature = error { throw ExitCode.failure }
                throw Exit.invalid
            }
            if json {
                Output.write(try Self.encode(report))
            } else {
                Output.write(Self.summary(report))
            }
            if !report.intact { throw ExitCode.failure }
        }

        /// The `--json` document when the file cannot be read as an archive.
        struct Unreadable: Encodable {
            var bundle: String
            var intact = false
            var error: String
        }

        static func summary(_ report: VerificationReport) -> String {
            var out = """
                Bundle        \(report.bundle)
                SHA-256       \(report.sha256)
                Size          \(report.size) bytes
                Organisation  \(report.organization ?? "(not recorded)")
                Commit        \(report.commit ?? "(not recorded)")
                As of         \(report.asOf ?? "(not recorded)")
                Files         \(report.files) payload files, \(report.bytes) bytes
                Working tree  \(report.workingTree ?? "(not recorded)")
                Signature     \(Self.signatureLine(report.signature))

                """
            for file in report.dirtyFiles.prefix(10) { out += "  - \(file)\n" }
            if report.dirtyFiles.count > 10 { out += "  … and \(report.dirtyFiles.count - 10) more in bag-info.txt\n" }
            out += "Secrets       \(Self.secretsLine(report))\n"
            let secrets = report.secretsAllowed.map { "allowed: " + $0 } + report.secretsAcknowledged
            for line in secrets.prefix(10) { out += "  - \(line)\n" }
            if secrets.count > 10 { out += "  … and \(secrets.count - 10) more in bag-info.txt\n" }
            if report.intact {
                out +=
                    "Result        intact: bagit.txt, Payload-Oxum, the SHA-256 and SHA-512 manifests and tag manifests match every file\n"
            } else {
                out +=
                    "Result        NOT INTACT: \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")\n"
                for problem in report.problems { out += "  - \(problem)\n" }
            }
            return out
        }

        /// What the bag says about secret findings in the files it ships (bag-info.txt).
        static func secretsLine(_ report: VerificationReport) -> String {
            let acknowledged = report.secretsAcknowledged.count
            let allowed = report.secretsAllowed.count
            if acknowledged == 0 && allowed == 0 { return "none declared in bag-info.txt" }
            var parts: [String] = []
            if allowed > 0 { parts.append("\(allowed) shipped unacknowledged (--allow-secrets)") }
            if acknowledged > 0 { parts.append("\(acknowledged) acknowledged with a reason") }
            return parts.joined(separator: ", ")
        }

        static func signatureLine(_ signature: SignatureReport?) -> String {
            guard let signature else { return "(not checked)" }
            switch signature.status {
            case .verified:
                return "verified: signed by \(signature.signer ?? "?") with \(signature.key ?? "?")"
            case .signerNotChecked:
                return
                    "signed with \(signature.key ?? "?"); signer NOT checked (give --allowed-signers to check who holds the key)"
            case .unsigned:
                return "none (no \((signature.path as NSString).lastPathComponent))"
            }
        }

        static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return Array(try encoder.encode(value)) + [10]
        }
    }
}
