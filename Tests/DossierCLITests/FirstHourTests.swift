import DossierTestSupport
import Foundation
import Testing

/// What a new user meets in the first hour: closed pipes, wrong folders, typos, and what `--strict` says.
@Suite struct FirstHourTests {
    // MARK: - Closed pipes

    /// Runs dossier with stdout (or stderr) connected to a pipe nobody reads: the reader has already gone.
    func runIntoClosedPipe(_ arguments: [String], in directory: String, closing stream: Int32)
        throws -> (exited: Int32, signalled: Bool, other: String)
    {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        let closed = FileHandle(fileDescriptor: fds[1], closeOnDealloc: true)
        let other = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Dossier.executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stream == STDOUT_FILENO ? closed : other
        process.standardError = stream == STDOUT_FILENO ? other : closed
        try process.run()
        try closed.close()
        let text = String(decoding: other.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason == .uncaughtSignal, text)
    }

    func endedQuietly(
        _ run: (exited: Int32, signalled: Bool, other: String), sourceLocation: SourceLocation = #_sourceLocation
    ) {
        // Killed by SIGPIPE (13) as `git log | head` is, or exit 141 when SIGPIPE was blocked: never SIGILL.
        let quiet = (run.signalled && run.exited == SIGPIPE) || (!run.signalled && run.exited == 128 + SIGPIPE)
        #expect(quiet, "status \(run.exited), signalled \(run.signalled)", sourceLocation: sourceLocation)
        #expect(!run.other.contains("Fatal error") && !run.other.contains("Backtrac"), sourceLocation: sourceLocation)
    }

    @Test func aClosedStdoutEndsEveryCommandQuietly() throws {
        let repo = CheckCommandTests.workspace()
        let site = TemporaryDirectory("dossier-pipe-site")
        for arguments in [
            ["check", "--json"], ["check"], ["build", "-o", site.path + "/site"], ["--help"], ["help", "check"],
            ["--version"],
        ] {
            let run = try runIntoClosedPipe(arguments, in: repo.path, closing: STDOUT_FILENO)
            endedQuietly(run)
            #expect(run.other.isEmpty, "\(arguments): \(run.other)")
        }
    }

    @Test func aClosedStderrEndsQuietlyToo() throws {
        let repo = CheckCommandTests.workspace()
        for arguments in [["check", "/no/such/workspace"], ["chek"], ["check", "--strict"]] {
            endedQuietly(try runIntoClosedPipe(arguments, in: repo.path, closing: STDERR_FILENO))
        }
    }

    // MARK: - Wrong folders

    @Test func aMissingWorkspaceIsOneErrorAndNoReport() {
        let here = TemporaryDirectory("dossier-missing")
        for arguments in [
            ["check", here.path + "/nope"], ["check", "--json", here.path + "/nope"], ["build", here.path + "/nope"],
            ["bundle", here.path + "/nope"], ["check", here.path],
        ] {
            let result = Dossier.run(arguments, in: here.path)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error:") }
            #expect(errors.count == 1, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Readiness"))
        }
        #expect(Dossier.run(["check", here.path], in: here.path).stderr.contains("no controls.yaml in"))
    }

    // MARK: - One mistake, one message

    static func mapWithOwnerTypo() -> GitFixture {
        let repo = CheckCommandTests.workspace()
        repo.write(
            "controls.yaml",
            CheckCommandTests.controls.replacingOccurrences(
                of: "owner: sec@acme.example", with: "ownr: sec@acme.example"))
        repo.write("narratives/access.md", "# Access\n\nReviews are [AC-002]; MFA is [AC-001].\n")
        return repo
    }

    @Test func anInvalidMapGivesDiagnosticsAndNoFigures() throws {
        let repo = Self.mapWithOwnerTypo()
        let text = Dossier.run(["check"], in: repo.path)
        #expect(text.status == 2)
        #expect(!text.stdout.contains("Readiness") && !text.stdout.contains("%"), "\(text.stdout)")
        #expect(text.stderr.contains("controls.yaml:22:5: error: unknown key `ownr` in control AC-002"))
        #expect(text.stderr.contains("did you mean `owner`?"))
        // The control is kept (only its owner is lost), so the narrative's reference to it is not an error.
        #expect(!text.stderr.contains("narratives/access.md"), "\(text.stderr)")
        let last = text.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("error: controls.yaml has 2 errors"), "\(last)")

        let json = Dossier.run(["check", "--json"], in: repo.path)
        #expect(json.status == 2)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(json.stdoutBytes)) as? [String: Any])
        #expect(doc["valid"] as? Bool == false)
        #expect(doc["readiness"] == nil && doc["controls"] == nil)
        #expect((doc["diagnostics"] as? [Any])?.count == 2)
    }

    @Test func aMisindentedLineIsOneErrorNotAFloodOfUnknownReferences() {
        let repo = CheckCommandTests.workspace()
        repo.write(
            "controls.yaml",
            CheckCommandTests.controls.replacingOccurrences(
                of: "    title: Access reviews", with: "  title: Access reviews"))
        repo.write("narratives/access.md", "# Access\n\n[AC-001] [AC-002] [OPS-001] [GOV-001] [PHY-001]\n")
        let result = Dossier.run(["check"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains(": error: ") || $0.contains(": warning: ") }.count == 1, "\(lines)")
        #expect(lines.first?.hasPrefix("controls.yaml:") == true)
        #expect(lines.last?.hasPrefix("error: controls.yaml has 1 error;") == true, "\(lines)")
        #expect(lines.last?.contains("other diagnostic") == true)
        for command in ["build", "bundle"] {
            let stopped = Dossier.run([command], in: repo.path)
            #expect(stopped.status == 2)
            let shown = stopped.stderr.split(separator: "\n").filter {
                $0.contains(": error: ") || $0.contains(": warning: ")
            }
            #expect(shown.count == 1, "\(command): \(stopped.stderr)")
        }
    }

    @Test func aReferenceToAControlThatFailedValidationIsNotReported() {
        let repo = CheckCommandTests.workspace()
        repo.write(
            "controls.yaml",
            CheckCommandTests.controls.replacingOccurrences(of: "frequency: quarterly", with: "frequency: quartely"))
        repo.write("narratives/access.md", "# Access\n\nReviews are [AC-002].\n")
        let result = Dossier.run(["check"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stderr.contains("`frequency` must be one of"))
        #expect(!result.stderr.contains("unknown control"), "\(result.stderr)")
    }

    @Test func aReferenceToADeletedControlIsAWarningAndTheSiteIsBuilt() {
        let repo = CheckCommandTests.workspace()
        repo.write("narratives/access.md", "# Access\n\nBadges were [PHY-002], see [CC9.9].\n")
        let check = Dossier.run(["check"], in: repo.path)
        #expect(check.status == 0, "\(check.stdout)")
        #expect(check.stdout.contains("narratives/access.md:3:13: warning: reference to unknown control `PHY-002`"))
        #expect(check.stdout.contains("warning: reference to unknown criterion `CC9.9`"))
        let site = TemporaryDirectory("dossier-deleted-site")
        let build = Dossier.run(["build", "-o", site.path + "/site"], in: repo.path)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(site.read("site/narratives/access.html")?.contains("[PHY-002]") == true)
        #expect(site.read("site/narratives/access.html")?.contains("class=\"unknown-ref\"") == true)
    }

    @Test func repeatsOfOneMessageAreCappedWithACount() {
        let repo = CheckCommandTests.workspace()
        let references = (1...12).map { "[ZZ-\(100 + $0)]" }.joined(separator: " ")
        repo.write("narratives/access.md", "# Access\n\n\(references)\n")
        let check = Dossier.run(["check"], in: repo.path)
        let shown = check.stdout.split(separator: "\n").filter { $0.contains("reference to unknown control") }
        #expect(shown.count == 3, "\(check.stdout)")
        #expect(shown.last?.contains("(and 9 more like this in narratives/access.md, not shown)") == true)
        // build prints the same lines as check.
        let site = TemporaryDirectory("dossier-capped-site")
        let build = Dossier.run(["build", "-o", site.path + "/site"], in: repo.path)
        let built = build.stderr.split(separator: "\n").filter { $0.contains("reference to unknown control") }
        #expect(build.status == 0 && built == shown, "\(build.stderr)")
    }

    // MARK: - What --strict, typos and formats say

    @Test func strictEndsWithALineSayingWhatFailed() {
        let repo = CheckCommandTests.workspace()
        let result = Dossier.run(["check", "--strict"], in: repo.path)
        #expect(result.status == 1)
        let last = result.stderr.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasPrefix("error: --strict: not ready:"), "\(result.stderr)")
        #expect(last.contains("1 planned"), "\(last)")
    }

    @Test func anUnknownCommandGetsDidYouMean() {
        let here = TemporaryDirectory("dossier-typo")
        let result = Dossier.run(["chek", "."], in: here.path)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: unknown command `chek`; did you mean `check`?"), "\(result.stderr)")
        let help = Dossier.run(["help", "chek"], in: here.path)
        #expect(help.status == 2)
        #expect(help.stderr.hasPrefix("error: unknown command `chek`; did you mean `check`?"), "\(help.stderr)")
        #expect(Dossier.run(["help", "check"], in: here.path).status == 0)
        let far = Dossier.run(["publish"], in: here.path)
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown command `publish`") && !far.stderr.contains("did you mean"))
    }

    @Test func tgzIsAnotherNameForTarGz() {
        let bundled = bundleCLI(format: "tgz", extra: ["--quiet"])
        #expect(bundled.result.status == 0, "\(bundled.result.stderr)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: bundled.output.path)) ?? []
        #expect(written == ["acme-cloud-inc-soc2-20260331T120000Z.tar.gz"], "\(written)")
    }
}
