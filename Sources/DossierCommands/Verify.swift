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

                Exit codes: 0 intact; 1 not intact (each problem listed); 2 misuse or a file that cannot be read \
                as a zip or tar.gz.
                """)

        @Argument(help: "The bundle (.zip or .tar.gz) written by `dossier bundle`.", completion: .file())
        var bundle: String

        @Flag(help: "Print one JSON document instead of the text summary.")
        var json = false

        func run() throws {
            let report: VerificationReport
            do {
                report = try BundleVerifier().verify(path: bundle)
            } catch {
                if json { Output.write(try Self.encode(Unreadable(bundle: bundle, error: error.message))) }
                Output.error("error: \(error.message)")
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

                """
            for file in report.dirtyFiles.prefix(10) { out += "  - \(file)\n" }
            if report.dirtyFiles.count > 10 { out += "  … and \(report.dirtyFiles.count - 10) more in bag-info.txt\n" }
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

        static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return Array(try encoder.encode(value)) + [10]
        }
    }
}
